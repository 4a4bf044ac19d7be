"""Counts only, with small cells suppressed, for analysts and the core."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.cases.statistics import HIDDEN, SMALL, case_statistics
from tests.cases.conftest import open_case, sign_in

pytestmark = pytest.mark.django_db


def moment(year, month, day=10):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


@pytest.fixture
def cases_2025(personas):
    for number in range(7):
        open_case(
            f"Persoon Rechts {number}",
            opened_at=moment(2025, 2),
            review_on=datetime.date(2099, 1, 1),
        )
    for number in range(2):
        open_case(
            f"Persoon Links {number}",
            extremism_type="left_wing",
            opened_at=moment(2025, 5),
            review_on=datetime.date(2099, 1, 1),
        )


def row(table, label):
    return dict(table.rows)[label]


def test_counts_per_quarter_with_small_cells_suppressed(cases_2025):
    tables = case_statistics(2025)
    by_type = tables["opened_by_type"]
    right, left = (
        by_type.columns.index("right-wing extremism"),
        by_type.columns.index("left-wing extremism"),
    )
    assert row(by_type, "Q2")[left] == SMALL
    # The year's total (9) minus the right-wing count (7) would give the 2 away: hidden.
    assert row(by_type, "year")[right] == HIDDEN
    # Q2's total (2) would give the hidden count away: it is suppressed too.
    assert row(by_type, "Q2")[-1] in (SMALL, HIDDEN)
    assert row(by_type, "Q3")[-1] == 0
    every_cell = [cell for _label, cells in by_type.rows for cell in cells]
    assert all(c in (SMALL, HIDDEN) or c == 0 or c >= 5 for c in every_cell)


def test_counts_of_5_and_more_are_shown(personas):
    for number in range(7):
        open_case(f"R {number}", opened_at=moment(2024, 2), review_on=datetime.date(2099, 1, 1))
    for number in range(5):
        open_case(
            f"L {number}",
            extremism_type="left_wing",
            opened_at=moment(2024, 3),
            review_on=datetime.date(2099, 1, 1),
        )
    by_type = case_statistics(2024)["opened_by_type"]
    right = by_type.columns.index("right-wing extremism")
    left = by_type.columns.index("left-wing extremism")
    assert row(by_type, "Q1")[right] == 7 and row(by_type, "Q1")[left] == 5
    assert row(by_type, "year")[-1] == 12


def test_nothing_but_counts_reaches_the_page(client, table, personas, cases_2025):
    sign_in(client, personas.analyst, second_factor=False)
    response = client.get(reverse("cases:statistics"), {"year": 2025})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Persoon" not in html and "LIVC-" not in html


def test_closed_cases_count_by_type_and_age(table):
    from samen.cases.actions.cases import case_close

    case_close(by=table.mayor, case=table.case, reason="Afgerond.", aftercare_needed=True)
    tables = case_statistics(timezone.localdate().year)
    assert set(tables) == {"opened_by_type", "opened_by_age", "closed_by_type", "closed_by_age"}
    assert row(tables["closed_by_age"], "year")[-1] == SMALL


def _stat_moment(month):
    import datetime

    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(2025, month, 10, 10))


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
