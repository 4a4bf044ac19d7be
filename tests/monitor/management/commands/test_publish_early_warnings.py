"""The weekly command publishes each district-week's surge to partners' webhooks once, with
suppressed counts and no signal."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from samen.api.models import WebhookDelivery
from samen.monitor.actions import EARLY_WARNING, early_warnings_publish
from tests.monitor.test_early_warning import this_week

pytestmark = pytest.mark.django_db


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
