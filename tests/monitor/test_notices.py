"""A district's coordinators and frontline workers hear of its early warnings and tension
levels; nobody else does."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation

from samen.core.weeks import week_of
from samen.monitor.actions import tension_level_set
from samen.monitor.notices import early_warnings_notify
from samen.notifications.models import Notification
from samen.people.roles import Role
from samen.signals.models import Category
from tests.conftest import make_person
from tests.monitor.test_early_warning import WEEK, plant, this_week

pytestmark = pytest.mark.django_db


def told(kind: str) -> set:
    return {n.recipient for n in Notification.objects.filter(kind=kind)}


def test_a_tension_level_is_told_to_the_districts_people_but_its_setter(personas):
    colleague = make_person(Role.DISTRICT_COORDINATOR, "c2@samen.test", personas.borgerhout)
    week = week_of(timezone.localdate())
    judgement = tension_level_set(
        by=personas.coordinator, place=personas.borgerhout, week=week, level=3, rationale="Onrust."
    )
    assert told("monitor.tension_level") == {personas.frontline, colleague}
    notification = Notification.objects.filter(kind="monitor.tension_level").first()
    assert notification.url == "/monitor/11002S/"
    assert notification.text == (f"Tension level 3 set for Borgerhout, week of {week.isoformat()}")
    with translation.override("nl"):
        assert "Spanningsniveau 3" in notification.text
    # The rationale never travels in a notification.
    assert "Onrust" not in str(notification.params)
    assert judgement.level == 3


def test_an_early_warning_is_told_once_per_week_to_the_districts_people(personas):
    youth = Category.objects.get(code="youth-groups")
    now = this_week()
    for n in range(1, 13):
        plant(personas.borgerhout, youth, now - WEEK * n, 3 + n % 2)
        plant(personas.berchem, youth, now - WEEK * n, 3 + n % 2)
    plant(personas.borgerhout, youth, now, 30)
    assert early_warnings_notify(by=None) == 1
    assert early_warnings_notify(by=None) == 1  # the next morning: still one, told once
    assert told("monitor.early_warning") == {personas.frontline, personas.coordinator}
    notification = Notification.objects.filter(recipient=personas.frontline).get()
    assert notification.params == {"place": "Borgerhout", "count": 30, "week": now.isoformat()}
