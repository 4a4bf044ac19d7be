"""The statistics table built from the weekly counts, with small cells suppressed."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samen.privacy.small_cells import HIDDEN, SMALL
from samen.signals.actions import SignalFields, signal_record
from samen.signals.models import Category, Signal
from samen.signals.statistics import month_of_week, statistics_table


def new_signal(by, district, *, when=None, categories=("racism",), severity=2, text="", **more):
    """File a signal through the intake action, as `by`."""
    fields = SignalFields(
        district=district,
        neighbourhood=more.get("neighbourhood"),
        occurred_at=when or timezone.now() - datetime.timedelta(days=2),
        categories=list(Category.objects.filter(code__in=categories)),
        severity=severity,
        source_type=Signal.SourceType.OWN_OBSERVATION,
        information_class=Signal.InformationClass.EXPERIENCED,
        confidence=Signal.Confidence.MEDIUM,
        text=text or "Spanning tussen twee groepen jongeren op het plein.",
    )
    return signal_record(by=by, fields=fields)


# --- Statistics from the weekly counts ----------------------------------------------------------

MARCH = [
    datetime.date(2026, 3, d) for d in (2, 9, 16, 23)
]  # the Mondays whose Thursday is in March


def at(monday: datetime.date, day: int = 2) -> datetime.datetime:
    """Noon on a day of the week starting `monday`, in the city's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(monday + datetime.timedelta(days=day), datetime.time(12))
    )


@pytest.fixture
def march(personas):
    """Borgerhout: 4 + 3 racism signals and 2 about housing; Berchem: 5 in one week."""
    for _ in range(4):
        new_signal(personas.frontline, personas.borgerhout, when=at(MARCH[0]))
    for _ in range(3):
        new_signal(personas.frontline, personas.borgerhout, when=at(MARCH[1]))
    for _ in range(2):
        new_signal(
            personas.frontline, personas.borgerhout, when=at(MARCH[2]), categories=["housing"]
        )
    for _ in range(5):
        new_signal(personas.other_frontline, personas.berchem, when=at(MARCH[3]))
    # The last days of March count in April's first week, whose Thursday is 2 April.
    new_signal(personas.other_frontline, personas.berchem, when=at(datetime.date(2026, 3, 30), 1))


def test_weeks_count_in_the_month_of_their_thursday():
    assert month_of_week(datetime.date(2026, 3, 30)) == (2026, 4)
    assert month_of_week(datetime.date(2026, 2, 23)) == (2026, 2)
    assert month_of_week(datetime.date(2026, 3, 2)) == (2026, 3)


def by_district(table, period: str) -> dict[str, dict]:
    return {r[1]: dict(zip(table.header, r, strict=True)) for r in table.rows if r[2] == period}


@pytest.mark.django_db
def test_month_table_suppresses_small_cells_and_what_would_reveal_them(march):
    table = statistics_table(
        datetime.date(2026, 3, 1), datetime.date(2026, 3, 31), "month", "category"
    )
    racism, housing = "Polarisation theme: Racism and discrimination", "Life domain: Housing"
    assert table.header[:4] == ["District code", "District", "Period", "All signals"]
    rows = by_district(table, "2026-03")
    # 9 signals = racism 7 + housing 2: the 2 shows as "<5", and the 7 is hidden with it.
    assert rows["Borgerhout"]["All signals"] == 9
    assert rows["Borgerhout"][housing] == SMALL
    assert rows["Borgerhout"][racism] == HIDDEN
    assert rows["Berchem"]["All signals"] == 5 and rows["Berchem"][racism] == 5
    assert rows["Deurne"]["All signals"] == 0
    assert len(rows) == 10  # every district of the city, those without signals too


@pytest.mark.django_db
def test_week_and_group_tables_hide_consistently_with_the_months(march):
    weeks = statistics_table(datetime.date(2026, 3, 1), datetime.date(2026, 4, 5), "week", "group")
    assert "Polarisation theme" in weeks.header
    first = by_district(weeks, "2026-W10")["Borgerhout"]
    assert first["All signals"] == SMALL and first["Polarisation theme"] == SMALL
    assert by_district(weeks, "2026-W14")["Berchem"]["All signals"] == SMALL
    months = statistics_table(
        datetime.date(2026, 3, 1), datetime.date(2026, 3, 31), "month", "group"
    )
    march_row = by_district(months, "2026-03")["Borgerhout"]
    # The group equals its only category with signals, so it goes with it.
    assert march_row["Polarisation theme"] == HIDDEN
    assert march_row["Life domain"] == SMALL


@pytest.mark.django_db
def test_statistics_read_the_weekly_counts_never_the_signals(march):
    with CaptureQueriesContext(connection) as queries:
        statistics_table(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), "month", "group")
    assert not any("signals_signal" in q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db
def test_merged_duplicates_leave_the_statistics(personas, march):
    from samen.signals.actions import signal_merge

    berchem = Signal.objects.filter(district=personas.berchem, week=MARCH[3])
    signal_merge(by=personas.admin, duplicate=berchem[0], into=berchem[1])
    table = statistics_table(MARCH[3], MARCH[3], "week", "category")
    assert by_district(table, "2026-W13")["Berchem"]["All signals"] == SMALL
