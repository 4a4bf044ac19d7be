"""List pages (samen/core/lists.py)."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from samen.core.lists import COUNT_CAP, PAGE_SIZE, CappedPaginator, list_page
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


def test_the_count_stops_past_the_cap_and_the_pages_reach_up_to_it(db, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    Place.objects.bulk_create(
        Place(kind="neighbourhood", code=f"C{n:03}", name_nl=f"Wijk {n:03}") for n in range(7)
    )
    rows = Place.objects.filter(code__startswith="C").order_by("code")
    paginator = CappedPaginator(rows, 2)
    assert paginator.is_capped and paginator.count == 5 and paginator.num_pages == 3
    assert paginator.page(2).has_next()
    assert [p.code for p in paginator.page(3)] == ["C004"]


def test_up_to_the_cap_the_count_is_exact(db, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 5)
    Place.objects.bulk_create(
        Place(kind="neighbourhood", code=f"C{n:03}", name_nl=f"Wijk {n:03}") for n in range(5)
    )
    paginator = CappedPaginator(Place.objects.filter(code__startswith="C").order_by("code"), 2)
    assert not paginator.is_capped and paginator.count == 5


def test_the_count_reads_at_most_one_row_more_than_the_cap(db):
    rows = Place.objects.filter(code__startswith="C").order_by("code")
    with CaptureQueriesContext(connection) as captured:
        assert CappedPaginator(rows, 2).count == 0
    (query,) = captured.captured_queries
    assert "COUNT(" in query["sql"].upper() and f"LIMIT {COUNT_CAP + 1}" in query["sql"]
    assert "ORDER BY" not in query["sql"].upper()


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "More than 10,000 results"), ("nl", "Meer dan 10.000 resultaten")],
)
def test_a_capped_list_says_more_than_the_cap_in_each_language(db, language, said):
    page = CappedPaginator(Place.objects.order_by("pk"), 2).page(1)
    with translation.override(language):
        assert said in render_to_string("core/more_than.html", {"page": page})


def test_in_french_the_cap_is_grouped_the_french_way(db):
    page = CappedPaginator(Place.objects.order_by("pk"), 2).page(1)
    with translation.override("fr"):
        said = render_to_string("core/more_than.html", {"page": page})
    assert "Plus de 10" in said and "000 résultats" in said and "10,000" not in said
