"""How every API list is paged: `limit` and `offset`, at most MAX_LIMIT rows a page.

A `limit` above the maximum is read as the maximum (Django REST framework's own rule for
`max_limit`), so that no request, however large the number it sends, asks the database for
more than one page; the case consultation refuses such a request instead (its own class).
"""

from rest_framework.pagination import LimitOffsetPagination

MAX_LIMIT = 500


class Pages(LimitOffsetPagination):
    max_limit = MAX_LIMIT
