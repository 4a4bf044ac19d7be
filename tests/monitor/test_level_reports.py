"""The monitor's sections of the report to other levels: counts per district and category from
the weekly counts, small cells suppressed, and the tension levels set per district."""

from __future__ import annotations

import datetime

import pytest

from samen.core.level_reports import report_sections
from samen.monitor.level_reports import signals_per_district, tension_per_district
from samen.monitor.models import TensionLevel, WeeklyCount
from samen.places.models import Place
from samen.signals.models import Category

MONDAY = datetime.date(2025, 3, 3)


def count(place, category, n, week=MONDAY):
    WeeklyCount.objects.create(place=place, week=week, category=category, count=n)


@pytest.fixture
def counted(personas):
    racism = Category.objects.get(code="racism")
    youth = Category.objects.get(code="youth-groups")
    # Borgerhout: 12 racism, 8 youth groups (20 in all); Berchem: 7 racism (7 in all).
    count(personas.borgerhout, racism, 12)
    count(personas.borgerhout, youth, 8)
    count(personas.borgerhout, None, 20)
    count(personas.berchem, racism, 7)
    count(personas.berchem, None, 7)
    # Another year's week is not counted.
    count(personas.berchem, racism, 40, week=datetime.date(2024, 12, 30))
    return racism, youth


def cell(rows, district, category):
    return next(
        r["signals"] for r in rows if (r["district"], r["category"]) == (district, category)
    )


def test_the_sections_are_registered_in_order():
    codes = [s.code for s in report_sections()]
    assert codes.index("signals_per_district") < codes.index("tension_per_district")


def test_counts_per_district_and_category_with_the_city_totals(counted):
    rows = signals_per_district(2025)
    assert cell(rows, "11002T", "racism") == 7
    assert cell(rows, "11002T", "all") == 7
    assert cell(rows, "city", "racism") == 19
    assert cell(rows, "city", "all") == 27
    # Every district appears, with zeros where nothing was counted: zero singles nobody out.
    assert cell(rows, "11002V", "all") == 0


def test_a_small_count_is_shown_as_less_than_five_and_no_total_gives_it_away(personas):
    youth = Category.objects.get(code="youth-groups")
    count(personas.borgerhout, Category.objects.get(code="racism"), 12)
    count(personas.borgerhout, youth, 3)
    count(personas.borgerhout, None, 15)
    rows = signals_per_district(2025)
    assert cell(rows, "11002S", "youth-groups") == "<5"
    # Borgerhout's 15 minus its 12 racism signals would give the 3 away: one more is hidden.
    shown = {cell(rows, "11002S", "racism"), cell(rows, "11002S", "all")}
    assert "x" in shown
    assert not any(r["signals"] in (1, 2, 3, 4) for r in rows)


def test_only_the_years_weeks_count(counted):
    assert cell(signals_per_district(2024), "11002T", "racism") == 40


def test_tension_levels_per_district_the_latest_judgement_of_a_week_counts(personas):
    for week, level in [(MONDAY, 2), (MONDAY, 3), (MONDAY + datetime.timedelta(7), 1)]:
        TensionLevel.objects.create(
            place=personas.borgerhout,
            week=week,
            level=level,
            rationale="-",
            set_by=personas.coordinator,
        )
    rows = {r["district"]: r for r in tension_per_district(2025)}
    assert rows["11002S"] == {
        "district": "11002S",
        "weeks_judged": 2,
        "highest_level": 3,
        "weeks_high_or_critical": 1,
        "last_level": 1,
    }
    assert rows["11002T"]["weeks_judged"] == 0
    assert rows["11002T"]["highest_level"] is None
    assert len(rows) == Place.objects.districts().count()
