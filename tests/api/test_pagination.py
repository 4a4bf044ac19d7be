"""Every API list is paged with at most MAX_LIMIT rows, whatever number a request sends."""

from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from samen.api.pagination import MAX_LIMIT, Pages


def limit_read(value: str) -> int:
    request = Request(APIRequestFactory().get("/api/signals/", {"limit": value}))
    return Pages().get_limit(request)


def test_a_limit_above_the_maximum_reads_the_maximum():
    assert limit_read(str(2**80)) == MAX_LIMIT
    assert limit_read(str(MAX_LIMIT + 1)) == MAX_LIMIT


def test_a_limit_within_it_is_kept_and_nonsense_is_the_default():
    assert limit_read("25") == 25
    assert limit_read("-3") == Pages().default_limit
    assert limit_read("abc") == Pages().default_limit


def test_it_is_every_api_list_s_paging(settings):
    assert settings.REST_FRAMEWORK["DEFAULT_PAGINATION_CLASS"] == "samen.api.pagination.Pages"
