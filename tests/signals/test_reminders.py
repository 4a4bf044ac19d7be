"""Whoever linked a follow-up with a due date, and only they, is reminded once when it comes
due and once when it is overdue; a done follow-up, a closed signal or an author who may no
longer act on the signal is not reminded."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samen.notifications.models import Notification
from samen.people.models import User
from samen.signals import actions
from samen.signals.models import FollowUp
from samen.signals.reminders import FOLLOW_UP_DUE, follow_ups_remind, may_own_follow_ups
from samen.signals.tasks import remind_follow_ups_daily

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def reviewed(personas, file_signal):
    signal = file_signal(personas.frontline, personas.borgerhout)
    actions.signal_review(by=personas.coordinator, signal=signal)
    return signal


def link(by, signal, due_on) -> FollowUp:
    return actions.signal_follow_up(by=by, signal=signal, kind="mediation", due_on=due_on)


def test_the_author_is_reminded_when_due_and_when_overdue_once_each(personas, reviewed):
    today = timezone.localdate()
    follow_up = link(personas.coordinator, reviewed, today + 2 * DAY)
    link(personas.analyst, reviewed, today + 30 * DAY)  # not due for a month
    link(personas.analyst, reviewed, None)  # no date: never reminded
    follow_ups_remind(by=None, today=today)
    follow_ups_remind(by=None, today=today + DAY)
    (due,) = Notification.objects.all()
    assert (due.recipient, due.kind) == (personas.coordinator, FOLLOW_UP_DUE)
    assert due.url == f"/signals/{reviewed.pk}/"
    assert due.text == f"A follow-up you linked is due by {follow_up.due_on.isoformat()}"
    assert "Spanning" not in due.text  # never the signal's text
    follow_ups_remind(by=None, today=today + 3 * DAY)
    follow_ups_remind(by=None, today=today + 5 * DAY)
    assert Notification.objects.filter(recipient=personas.coordinator).count() == 2
    assert not Notification.objects.filter(recipient=personas.analyst).exists()


def test_done_closed_or_out_of_reach_is_not_reminded(personas, reviewed, file_signal):
    today = timezone.localdate()
    done = link(personas.coordinator, reviewed, today)
    actions.follow_up_close(by=personas.coordinator, follow_up=done)
    other = file_signal(personas.frontline, personas.borgerhout)
    actions.signal_review(by=personas.coordinator, signal=other)
    link(personas.coordinator, other, today)
    actions.signal_close(by=personas.coordinator, signal=other)
    moved = file_signal(personas.frontline, personas.borgerhout)
    actions.signal_review(by=personas.coordinator, signal=moved)
    link(personas.coordinator, moved, today)
    User.objects.filter(pk=personas.coordinator.pk).update(home_district=personas.berchem)
    assert follow_ups_remind(by=None, today=today) == 1  # looked at `moved` only
    assert not Notification.objects.exists()


def test_a_due_date_in_the_past_is_refused_and_stores_nothing(personas, reviewed):
    with pytest.raises(ValidationError) as refused:
        link(personas.coordinator, reviewed, timezone.localdate() - DAY)
    assert "due_on" in refused.value.message_dict
    assert not FollowUp.objects.exists()


def test_the_daily_task_reminds(personas, reviewed):
    link(personas.coordinator, reviewed, timezone.localdate())
    result = remind_follow_ups_daily.enqueue()
    assert result.return_value["follow_ups"] == 1
    assert Notification.objects.filter(recipient=personas.coordinator).count() == 1


def test_the_preferences_offer_it_to_those_who_link_follow_ups(personas):
    assert may_own_follow_ups(personas.coordinator) and may_own_follow_ups(personas.analyst)
    assert not may_own_follow_ups(personas.frontline)
    assert not may_own_follow_ups(personas.partner)
