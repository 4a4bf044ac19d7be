"""The tables by type and by age band of the same cases are suppressed together."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _stat_moment(month):
    import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(2025, month, 10, 10))


def test_a_total_hidden_in_the_type_table_is_hidden_in_the_age_table(personas):
    import datetime

    from samen.cases.statistics import HIDDEN, SMALL, case_statistics
    from tests.cases.conftest import open_case

    born = datetime.date(2003, 1, 1)  # 22 in 2025: every case in the same age band
    for number in range(4):
        open_case(f"Rechts {number}", opened_at=_stat_moment(2), birth_date=born)
        open_case(
            f"Islamist {number}",
            extremism_type="islamist",
            opened_at=_stat_moment(2),
            birth_date=born,
        )
    tables = case_statistics(2025)
    by_type, by_age = tables["opened_by_type"], tables["opened_by_age"]
    q1_type, q1_age = dict(by_type.rows)["Q1"], dict(by_age.rows)["Q1"]
    right = by_type.columns.index("right-wing extremism")
    islamist = by_type.columns.index("Islamist extremism")
    assert q1_type[right] == SMALL and q1_type[islamist] == SMALL
    assert q1_type[-1] == HIDDEN
    # The same total in the age table is hidden too, and 8 appears nowhere.
    assert q1_age[-1] == HIDDEN
    for table in (by_type, by_age):
        for _label, cells in table.rows:
            assert 8 not in cells
    assert _recoverable(tables["opened_by_type"], tables["opened_by_age"]) == []


def _bounds(cell):
    from samen.cases.statistics import HIDDEN, SMALL

    if cell == SMALL:
        return (1, 4)
    if cell == HIDDEN:  # hidden: not zero (zero is always shown), possibly small
        return (1, float("inf"))
    return (cell, cell)


def _recoverable(*tables):
    """What a reader can pin down from published, linked tables: the cells shown as "<5" or
    "x" whose value follows exactly from the row and column sums of all the tables together
    ("<5" is 1 to 4, "x" at least 1), narrowing cell by cell until nothing changes. The
    totals column is one variable shared by every table, since each table counts the same
    cases: a total shown in one table is known when reading the other."""
    known: dict = {}
    relations = []
    labels = [label for label, _cells in tables[0].rows]
    quarters = [label for label in labels if label != "year"]

    def key(number, label, column, width):
        return ("total", label) if column == width else (number, label, column)

    for number, table in enumerate(tables):
        width = len(table.columns)
        for label, cells in table.rows:
            for column, cell in enumerate(cells):
                low, high = _bounds(cell)
                cell_key = key(number, label, column, width)
                if cell_key in known:
                    assert known[cell_key][2] == cell, "a shared total shown differently"
                else:
                    known[cell_key] = [low, high, cell]
            relations.append((("total", label), [(number, label, c) for c in range(width)]))
        for column in range(width + 1):
            relations.append(
                (
                    key(number, "year", column, width),
                    [key(number, q, column, width) for q in quarters],
                )
            )
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            lows = sum(known[p][0] for p in parts)
            highs = sum(known[p][1] for p in parts)
            implied = [(total, lows, highs)]
            for part in parts:
                others_low, others_high = lows - known[part][0], highs - known[part][1]
                implied.append((part, known[total][0] - others_high, known[total][1] - others_low))
            for cell_key, low, high in implied:
                new_low, new_high = max(known[cell_key][0], low), min(known[cell_key][1], high)
                assert new_low <= new_high, "the published sums contradict each other"
                if (new_low, new_high) != (known[cell_key][0], known[cell_key][1]):
                    known[cell_key][0], known[cell_key][1] = new_low, new_high
                    changed = True
    return sorted(
        (k for k, (low, high, cell) in known.items() if isinstance(cell, str) and low == high),
        key=repr,
    )


def test_no_suppressed_cell_can_be_worked_out_from_the_linked_tables():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from samen.cases.models import AgeBand, ExtremismType
    from samen.cases.statistics import linked_tables

    types, bands = list(ExtremismType.choices), list(AgeBand.choices)
    case = st.tuples(
        st.sampled_from([1, 2, 3, 4]),
        st.sampled_from([code for code, _label in types]),
        st.sampled_from([code for code, _label in bands]),
    )

    @settings(max_examples=400, deadline=None)
    @given(st.lists(case, max_size=40))
    def check(cases):
        by_type: dict = {}
        by_age: dict = {}
        for quarter, kind, band in cases:
            by_type[quarter, kind] = by_type.get((quarter, kind), 0) + 1
            by_age[quarter, band] = by_age.get((quarter, band), 0) + 1
        tables = linked_tables(
            {"by_type": by_type, "by_age": by_age}, {"by_type": types, "by_age": bands}
        )
        one, two = tables["by_type"], tables["by_age"]
        for table in (one, two):
            for _label, cells in table.rows:
                assert all(c in ("<5", "x") or c == 0 or c >= 5 for c in cells)
        assert _recoverable(one, two) == [], (cases, one.rows, two.rows)

    check()
