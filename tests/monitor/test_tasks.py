"""The monitor's morning run: one task tells the districts' people and publishes to partners'
webhooks, and with the immediate test backend it schedules nothing."""

from __future__ import annotations

import pytest

from samen.api.models import WebhookDelivery
from samen.monitor.tasks import scan_early_warnings_daily
from samen.notifications.models import Notification
from samen.signals.models import Category
from tests.monitor.test_early_warning import WEEK, plant, this_week

pytestmark = pytest.mark.django_db


def test_the_scan_task_runs_and_schedules_nothing_with_the_immediate_backend(personas):
    result = scan_early_warnings_daily.enqueue().return_value
    assert result == {"districts": 0, "warnings": 0, "next_run": None}
    assert not Notification.objects.exists()


def test_the_scan_task_tells_a_district_with_a_warning(personas):
    youth = Category.objects.get(code="youth-groups")
    now = this_week()
    for n in range(1, 13):
        plant(personas.borgerhout, youth, now - WEEK * n, 3 + n % 2)
        plant(personas.berchem, youth, now - WEEK * n, 3 + n % 2)
    plant(personas.borgerhout, youth, now, 30)
    result = scan_early_warnings_daily.enqueue().return_value
    assert result["districts"] == 1
    assert Notification.objects.filter(kind="monitor.early_warning").count() == 2
    # No partner subscribes in this test: nothing queued for a webhook.
    assert not WebhookDelivery.objects.exists()
