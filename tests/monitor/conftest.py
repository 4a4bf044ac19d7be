"""Partners subscribed to early warnings, and a surge to warn them of."""

from __future__ import annotations

import pytest

from samen.api.actions import webhook_subscription_create
from samen.monitor.actions import EARLY_WARNING
from samen.people.actions import organisation_create
from samen.signals.models import Category
from tests.monitor.test_early_warning import WEEK, plant, this_week


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
