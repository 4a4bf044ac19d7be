"""The nightly scan of overdue answers, by the task and by the command."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samen.exchange.models import Exchange
from samen.exchange.notices import OVERDUE
from samen.exchange.tasks import notify_overdue_exchanges_nightly
from samen.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_nightly_task_notifies_both_sides_once(personas, world, to_borgerhout):
    Exchange.objects.filter(pk=to_borgerhout.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    result = notify_overdue_exchanges_nightly.call()
    assert result["notified"] == 3
    assert notify_overdue_exchanges_nightly.call()["notified"] == 0
    assert Notification.objects.filter(kind=OVERDUE).count() == 3
