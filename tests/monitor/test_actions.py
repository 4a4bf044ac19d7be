from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.api.models import WebhookDelivery
from samen.core.weeks import week_of
from samen.monitor import actions
from samen.monitor.actions import early_warnings_publish
from samen.monitor.models import TensionLevel
from samen.signals.models import Category
from tests.monitor.test_early_warning import WEEK, plant, this_week

pytestmark = pytest.mark.django_db


def test_tension_levels_keep_their_history(personas):
    week = week_of(timezone.localdate())
    actions.tension_level_set(
        by=personas.coordinator, place=personas.borgerhout, week=week, level=2, rationale="Onrust."
    )
    actions.tension_level_set(
        by=personas.coordinator, place=personas.borgerhout, week=week, level=3, rationale="Erger."
    )
    assert list(TensionLevel.objects.values_list("level", flat=True)) == [3, 2]
    with pytest.raises(PermissionDenied):
        actions.tension_level_set(
            by=personas.coordinator, place=personas.berchem, week=week, level=1, rationale="x"
        )
    with pytest.raises(ValidationError):
        actions.tension_level_set(
            by=personas.coordinator, place=personas.borgerhout, week=week, level=9, rationale=""
        )


@pytest.mark.usefixtures("subscribed")
def test_small_counts_leave_as_under_five(personas):
    youth = Category.objects.get(code="youth-groups")
    now = this_week()
    for n in range(1, 14):
        plant(personas.berchem, youth, now - WEEK * n, n % 2)
    plant(personas.berchem, youth, now, 4)
    early_warnings_publish(by=None)
    (berchem,) = WebhookDelivery.objects.filter(payload__district="11002T")
    assert berchem.payload["signals"] == "<5"
    for delivery in WebhookDelivery.objects.all():
        for key in ("signals", "usual_at_most"):
            value = delivery.payload[key]
            assert not (isinstance(value, int) and 0 < value < 5), delivery.payload


def test_without_a_subscription_nothing_is_written(personas, surge):
    assert early_warnings_publish(by=None) >= 1
    assert not WebhookDelivery.objects.exists()
