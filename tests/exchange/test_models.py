"""An exchange is overdue only while it waits for an answer past its date; a circular's
issuer is the organisation it speaks for."""

from __future__ import annotations

import datetime

import pytest

from samen.exchange.models import Circular, Exchange

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("status", "due_on", "overdue"),
    [
        (Exchange.Status.OPEN, TODAY - datetime.timedelta(days=1), True),
        (Exchange.Status.OPEN, TODAY, False),
        (Exchange.Status.OPEN, None, False),
        (Exchange.Status.ANSWERED, TODAY - datetime.timedelta(days=1), False),
        (Exchange.Status.WITHDRAWN, TODAY - datetime.timedelta(days=1), False),
    ],
)
def test_overdue_means_open_past_its_date(status, due_on, overdue):
    assert Exchange(status=status, due_on=due_on).is_overdue(TODAY) is overdue


def test_a_circular_speaks_for_the_organisation_it_is_sent_on_behalf_of(world):
    assert Circular(sender_organisation=world.department).issuer == world.department
    on_behalf = Circular(sender_organisation=world.department, on_behalf_of=world.federal)
    assert on_behalf.issuer == world.federal
