"""The registry between the signals module, which writes the weekly counts, and the tension
monitor, which keeps them."""

import datetime

import pytest
from django.db import connection

from samen.core import counters
from samen.monitor import counting
from samen.signals.filters import MonitorFilterForm
from samen.signals.models import Category

WEEK = datetime.date(2026, 11, 23)


def test_a_signal_counts_in_each_of_its_places_overall_and_per_category():
    keys = counters.signal_keys(
        district_id=3, neighbourhood_id=None, city_id=1, week=WEEK, category_ids=[7]
    )
    assert keys == [(1, WEEK, None), (1, WEEK, 7), (3, WEEK, None), (3, WEEK, 7)]


def test_the_monitor_keeps_the_counts_and_the_signals_module_says_what_they_count():
    assert isinstance(counters.count_changes(), counting.CountChanges)
    assert counters.counted_filter_form() is MonitorFilterForm


@pytest.mark.django_db
def test_counted_categories_are_found_by_id():
    category = Category.objects.get(code="housing")
    assert counters.counted_categories([category.pk, 0]) == {category.pk: category}


@pytest.mark.django_db
def test_without_a_store_nothing_is_counted_but_what_travels_along_is_written(monkeypatch):
    monkeypatch.setattr(counters, "_store", [])
    changes = counters.count_changes()
    changes.add([(1, WEEK, None)], severity=2)
    changes.write(along=("CREATE TEMPORARY TABLE counted_along (n integer)", []))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM counted_along")
        assert cursor.fetchone() == (0,)
    assert list(counters.weekly_counts(first=WEEK, last=WEEK, place_kind="district")) == []
