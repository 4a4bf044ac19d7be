"""List pages (samen/core/lists.py)."""

from django.test import RequestFactory

from samen.core.lists import PAGE_SIZE, list_page
from samen.places.models import Place


def test_a_list_page_is_one_page_in_the_given_order(db):
    Place.objects.bulk_create(
        Place(kind="neighbourhood", code=f"T{n:03}", name_nl=f"Wijk {n:03}")
        for n in range(PAGE_SIZE + 5)
    )
    rows = Place.objects.filter(code__startswith="T")
    first = list_page(RequestFactory().get("/"), rows, ordering=("-code",))
    assert len(first) == PAGE_SIZE and first[0].code == f"T{PAGE_SIZE + 4:03}"
    second = list_page(RequestFactory().get("/?page=2"), rows, ordering=("-code",))
    assert len(second) == 5 and not second.has_next()
    beyond = list_page(RequestFactory().get("/?page=99"), rows, ordering=("code",))
    assert beyond.number == 2
