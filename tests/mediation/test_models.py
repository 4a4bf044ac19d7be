"""A mediation's aftercare state, its lapsed outcome and its name."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone

from samen.mediation.models import Mediation
from tests.mediation.conftest import RESIDENT

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def _due(days: int | None, *, done: bool = False) -> Mediation:
    return Mediation(
        aftercare_due=None if days is None else TODAY + datetime.timedelta(days=days),
        aftercare_done_at=timezone.now() if done else None,
    )


@pytest.mark.parametrize(
    ("days", "done", "state"),
    [
        (None, False, ""),
        (-1, False, "overdue"),
        (0, False, "due"),
        (14, False, "due"),
        (15, False, "planned"),
        (-30, True, "done"),
        (90, True, "done"),
    ],
)
def test_the_aftercare_state_follows_the_due_date(days, done, state):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)):
        assert _due(days, done=done).aftercare_state == state


def test_only_the_lapsed_outcome_is_lapsed():
    assert Mediation(outcome=Mediation.Outcome.LAPSED).lapsed
    assert not Mediation(outcome=Mediation.Outcome.NONE).lapsed


def test_a_mediation_is_named_by_its_number_never_by_a_party(assigned):
    assert str(assigned) == f"Mediation {assigned.pk}"
    assert RESIDENT not in str(assigned)
