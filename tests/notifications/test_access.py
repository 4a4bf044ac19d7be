"""Each person's own notifications, nobody else's; 404 alike for absent and forbidden."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from samen.notifications import notify
from samen.notifications.access import (
    choosable_kinds,
    get_notification_for_reader,
    visible_notifications,
)
from samen.notifications.models import Notification


def test_each_person_sees_only_their_own(kinds, personas):
    notify("test.open", recipients=list(personas.all().values()), url="/x/")
    for person in personas.all().values():
        mine = visible_notifications(Notification.objects.all(), person)
        assert [n.recipient for n in mine] == [person]
    assert not visible_notifications(Notification.objects.all(), AnonymousUser()).exists()


def test_another_persons_notification_is_as_absent_as_a_missing_one(kinds, personas):
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/x/")
    assert get_notification_for_reader(personas.frontline, notification.pk) == notification
    for pk in (notification.pk, notification.pk + 1):
        with pytest.raises(Http404):
            get_notification_for_reader(personas.coordinator, pk)


def test_an_inactive_person_has_nothing_to_choose(kinds, personas):
    assert choosable_kinds(personas.frontline)
    personas.frontline.is_active = False
    assert choosable_kinds(personas.frontline) == []
    assert choosable_kinds(AnonymousUser()) == []
