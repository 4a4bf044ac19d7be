"""Counts only, with small cells suppressed, for analysts and the core."""

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
