"""The early warnings published to partners' webhooks: suppressed counts, no signal, each
district-week once."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from samen.api.actions import webhook_subscription_create
from samen.api.models import WebhookDelivery
from samen.monitor.actions import EARLY_WARNING, early_warnings_publish
from samen.people.actions import organisation_create
from samen.signals.models import Category
from tests.monitor.test_early_warning import WEEK, plant, this_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed(personas):
    organisation = organisation_create(
        by=None, name="Agentschap Binnenland", policy_level="flemish"
    )
    subscription, _secret = webhook_subscription_create(
        by=personas.admin,
        organisation=organisation,
        kind=EARLY_WARNING,
        url="https://partner.example/hooks",
    )
    return subscription


@pytest.fixture
def surge(personas):
    """Borgerhout: about 6 signals a week for twelve weeks, then 30 this week."""
    youth = Category.objects.get(code="youth-groups")
    now = this_week()
    for n in range(1, 14):
        plant(personas.borgerhout, youth, now - WEEK * n, 5 + n % 3)
    plant(personas.borgerhout, youth, now, 30)


@pytest.mark.usefixtures("surge")
def test_a_surge_is_published_once_with_suppressed_counts(personas, subscribed):
    assert early_warnings_publish(by=None) >= 1
    (delivery,) = WebhookDelivery.objects.filter(payload__district="11002S")
    data = delivery.payload
    assert delivery.subscription == subscribed and delivery.kind == EARLY_WARNING
    assert data["signals"] == 30 and data["partial_week"] is True
    assert data["week_starts"] == this_week().isoformat()
    assert set(data) == {
        "district",
        "district_name",
        "week",
        "week_starts",
        "partial_week",
        "signals",
        "usual_at_most",
    }
    assert "Spanning" not in json.dumps(data)  # no signal text, only counts
    early_warnings_publish(by=None)
    call_command("publish_early_warnings")
    assert WebhookDelivery.objects.filter(payload__district="11002S").count() == 1


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
