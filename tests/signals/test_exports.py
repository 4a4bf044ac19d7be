"""Small-cell suppression, the statistics table built from the weekly counts, and safe cells."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from samen.signals.actions import SignalFields, signal_record
from samen.signals.exports import safe_cell
from samen.signals.models import Category, Signal
from samen.signals.statistics import (
    HIDDEN,
    SMALL,
    month_of_week,
    statistics_table,
    suppress,
)


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


# --- The suppression rule -----------------------------------------------------------------------


def row(total: int, *parts: int):
    """One row with its total: values by name, and the relation between them."""
    values = {"total": total, **{f"p{n}": v for n, v in enumerate(parts)}}
    return values, [("total", [f"p{n}" for n in range(len(parts))])]


def pinned(values: dict, shown: dict, relations) -> set:
    """Cells not shown whose value one relation fixes, found by trying every value.

    Independent of the rule under test: "<5" may be 1 to 4, "x" 5 or more (tried up to a cap
    above the relation's largest count), and a cell is pinned when only one of its possible
    values lets the sum hold.
    """
    found = set()
    for total, parts in relations:
        sign = {total: 1, **{p: -1 for p in parts}}
        cap = max(values[c] for c in sign) + 5
        hidden = [c for c in sign if not isinstance(shown[c], int)]
        if not hidden:
            continue
        known = sum(sign[c] * shown[c] for c in sign if isinstance(shown[c], int))

        domain = {c: range(1, 5) if shown[c] == SMALL else range(5, cap + 1) for c in hidden}
        possible = {c: set() for c in hidden}
        *free, last = hidden
        for combo in itertools.product(*(domain[c] for c in free)):
            rest = -(known + sum(sign[c] * v for c, v in zip(free, combo, strict=True)))
            value = rest * sign[last]
            if value in domain[last]:
                for c, v in zip(free, combo, strict=True):
                    possible[c].add(v)
                possible[last].add(value)
        found |= {c for c, values_seen in possible.items() if len(values_seen) <= 1}
    return found


def test_counts_from_one_to_four_show_as_under_five_and_zero_stays():
    shown = suppress({"a": 0, "b": 1, "c": 4, "d": 5, "e": 17}, [])
    assert shown == {"a": 0, "b": SMALL, "c": SMALL, "d": 5, "e": 17}


def test_one_small_cell_beside_a_total_hides_the_smallest_other_cell():
    values, relations = row(18, 9, 6, 3, 0)
    shown = suppress(values, relations)
    assert shown == {"total": 18, "p0": 9, "p1": HIDDEN, "p2": SMALL, "p3": 0}
    assert not pinned(values, shown, relations)


def test_two_small_cells_can_hide_each_other():
    # 21 - 9 - 6 leaves 6 for two "<5": 2 + 4, 3 + 3 or 4 + 2.
    values, relations = row(21, 9, 6, 3, 3)
    assert suppress(values, relations) == {"total": 21, "p0": 9, "p1": 6, "p2": SMALL, "p3": SMALL}


def test_a_hidden_five_beside_a_one_is_not_enough():
    # 6 = 5 + 1: with the 5 hidden the 1 is still the only value that fits, so the total goes.
    values, relations = row(6, 5, 1)
    shown = suppress(values, relations)
    assert shown == {"total": HIDDEN, "p0": HIDDEN, "p1": SMALL}
    assert not pinned(values, shown, relations)


def test_two_ones_beside_a_total_are_not_safe_together():
    values, relations = row(12, 10, 1, 1)  # 12 - 10 = 2 = 1 + 1
    shown = suppress(values, relations)
    assert shown == {"total": 12, "p0": HIDDEN, "p1": SMALL, "p2": SMALL}
    assert not pinned(values, shown, relations)


def test_small_cells_that_fill_a_total_hide_the_total():
    values, relations = row(8, 4, 4, 0)  # 8 = 4 + 4: both must be 4
    shown = suppress(values, relations)
    assert shown == {"total": HIDDEN, "p0": SMALL, "p1": SMALL, "p2": 0}


def test_a_small_total_needs_nothing_more():
    values, relations = row(3, 3, 0, 0)
    assert suppress(values, relations) == {"total": SMALL, "p0": SMALL, "p1": 0, "p2": 0}


def test_zeros_are_never_hidden():
    values, relations = row(9, 6, 3, 0, 0)
    shown = suppress(values, relations)
    assert shown == {"total": 9, "p0": HIDDEN, "p1": SMALL, "p2": 0, "p3": 0}


def test_an_inexact_sum_is_not_read_as_exact():
    # "All signals" 6 with categories 6 and 2: one signal carries both categories.
    values, relations = row(6, 6, 2)
    assert suppress(values, relations) == {"total": 6, "p0": 6, "p1": SMALL}


def test_hiding_spreads_through_linked_totals():
    # A 2x2 table with row and column totals: hiding in one row forces a column, and on.
    values = {"a": 6, "b": 2, "c": 7, "d": 8, "r1": 8, "r2": 15, "k1": 13, "k2": 10, "all": 23}
    relations = [
        ("r1", ["a", "b"]),
        ("r2", ["c", "d"]),
        ("k1", ["a", "c"]),
        ("k2", ["b", "d"]),
        ("all", ["r1", "r2"]),
        ("all", ["k1", "k2"]),
    ]
    shown = suppress(values, relations)
    assert shown["b"] == SMALL
    assert sum(v == HIDDEN for v in shown.values()) >= 3
    assert not pinned(values, shown, relations)


grids = st.integers(2, 3).flatmap(
    lambda rows: st.integers(2, 3).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(0, 8), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=120, deadline=None)
@given(grids)
def test_no_table_lets_a_hidden_count_be_worked_out(grid):
    values, relations = {}, []
    for r, line in enumerate(grid):
        for c, value in enumerate(line):
            values[r, c] = value
        values["row", r] = sum(line)
        relations.append((("row", r), [(r, c) for c in range(len(line))]))
    for c in range(len(grid[0])):
        values["col", c] = sum(line[c] for line in grid)
        relations.append((("col", c), [(r, c) for r in range(len(grid))]))
    values["all"] = sum(map(sum, grid))
    relations.append(("all", [("row", r) for r in range(len(grid))]))
    relations.append(("all", [("col", c) for c in range(len(grid[0]))]))

    shown = suppress(values, relations)

    for cell, value in values.items():
        if 0 < value < 5:
            assert shown[cell] == SMALL
        elif isinstance(shown[cell], int):
            assert shown[cell] == value
        else:
            assert shown[cell] == HIDDEN and value >= 5
    assert not pinned(values, shown, relations)


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


def test_text_a_spreadsheet_would_run_gets_an_apostrophe():
    for dangerous in ["=1+2", "+31", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]:
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_cell("Spanning op het plein") == "Spanning op het plein"
    assert safe_cell(-3) == -3
    assert safe_cell("<5") == "<5"
