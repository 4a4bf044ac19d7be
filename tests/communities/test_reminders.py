"""The owner of a restore action, and only the owner, is reminded once when it comes due and
once when it is overdue."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samen.communities.plan_actions import (
    restore_action_add,
    restore_action_done,
    restore_plan_create,
)
from samen.communities.reminders import restore_actions_remind
from samen.notifications.models import Notification

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_the_owner_is_reminded_when_due_and_when_overdue_once_each(city, personas):
    today = timezone.localdate()
    plan = restore_plan_create(
        by=personas.coordinator,
        relationship=city.youth_club,
        title="Samen trainen",
        goal="Opnieuw maandelijks samen trainen.",
    )
    step = restore_action_add(
        by=personas.coordinator,
        plan=plan,
        description="Gesprek met beide besturen",
        owner=personas.frontline,
        deadline=today + 2 * DAY,
    )
    later = restore_action_add(
        by=personas.coordinator,
        plan=plan,
        description="Trainingsschema opstellen",
        owner=personas.coordinator,
        deadline=today + 30 * DAY,
    )
    restore_actions_remind(by=None, today=today)
    restore_actions_remind(by=None, today=today + DAY)
    (due,) = Notification.objects.all()
    assert due.recipient == personas.frontline
    assert due.url == f"/communities/restore-plans/{plan.pk}/"
    assert due.text == f"A restore action of yours is due by {step.deadline.isoformat()}"
    assert "Gesprek" not in due.text
    restore_actions_remind(by=None, today=today + 3 * DAY)
    restore_actions_remind(by=None, today=today + 4 * DAY)
    assert Notification.objects.filter(recipient=personas.frontline).count() == 2
    restore_action_done(by=personas.frontline, step=step)
    restore_actions_remind(by=None, today=today + 28 * DAY)
    assert Notification.objects.filter(recipient=personas.frontline).count() == 2
    assert [n.recipient for n in Notification.objects.filter(key__contains=f":{later.pk}:")] == [
        personas.coordinator
    ]
