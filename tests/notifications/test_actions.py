"""Each person marks and chooses for themselves only; bad choices change nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from samen.notifications import notify
from samen.notifications.actions import (
    notification_read,
    notifications_read_all,
    preferences_set,
)
from samen.notifications.models import Notification, Preference


def test_only_the_recipient_marks_a_notification_read(kinds, personas):
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/x/")
    with pytest.raises(PermissionDenied):
        notification_read(by=personas.coordinator, notification=notification)
    assert Notification.objects.get().read_at is None
    first = notification_read(by=personas.frontline, notification=notification).read_at
    again = notification_read(by=personas.frontline, notification=notification).read_at
    assert first is not None and again == first


def test_marking_all_read_counts_the_readers_unread_only(kinds, personas):
    notify("test.open", recipients=[personas.frontline, personas.coordinator], url="/x/")
    notify("test.open", recipients=[personas.frontline], url="/y/")
    assert notifications_read_all(by=personas.frontline) == 2
    assert notifications_read_all(by=personas.frontline) == 0
    assert Notification.objects.filter(read_at=None).get().recipient == personas.coordinator


def test_a_choice_is_stored_only_where_it_differs_from_the_default(kinds, personas):
    assert preferences_set(by=personas.frontline, deliveries={"test.open": "immediately"}) == 0
    assert not Preference.objects.exists()
    assert preferences_set(by=personas.frontline, deliveries={"test.open": "off"}) == 1
    assert preferences_set(by=personas.frontline, deliveries={"test.open": "off"}) == 0
    assert preferences_set(by=personas.frontline, deliveries={"test.open": "immediately"}) == 1
    assert Preference.objects.get().delivery == "immediately"


@pytest.mark.parametrize(
    "deliveries", [{"test.nothing": "off"}, {"test.open": "hourly"}, {"test.open": ""}]
)
def test_unknown_kinds_and_deliveries_change_nothing(kinds, personas, deliveries):
    with pytest.raises(ValidationError):
        preferences_set(by=personas.frontline, deliveries={"test.secret": "off", **deliveries})
    assert not Preference.objects.exists()
