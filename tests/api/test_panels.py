"""The administrators' way to the partner systems: a navigation entry, and a home panel that
shows tokens ending within two weeks and webhook deliveries that failed this week."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.api.actions import webhook_subscription_create
from samen.api.models import WebhookDelivery
from samen.core.navigation import nav_items_for
from tests.api.conftest import issue
from tests.conftest import get_as

pytestmark = pytest.mark.django_db

TITLE = b"partner-systems-title"


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.mark.parametrize(
    "role, shown",
    [
        ("admin", True),
        ("analyst", False),
        ("dpo", False),
        ("coordinator", False),
        ("partner", False),
    ],
)
def test_only_administrators_have_the_navigation_entry(personas, role, shown):
    urls = {item.url_name for item in nav_items_for(getattr(personas, role))}
    assert ("api_platform:partner_tokens" in urls) is shown


def test_nothing_to_attend_to_shows_no_panel(client, personas, partner_organisation):
    issue(personas, partner_organisation, days=60)
    assert TITLE not in get_as(client, personas.admin, reverse("home")).content


def test_a_token_ending_within_two_weeks_is_shown_to_administrators(
    client, personas, partner_organisation
):
    issue(personas, partner_organisation, days=10, name="Statistiek")
    issue(personas, partner_organisation, days=20, name="Later")
    page = get_as(client, personas.admin, reverse("home")).content.decode()
    assert "Partner tokens ending within two weeks" in page
    assert "Statistiek" in page and "Later" not in page
    assert TITLE not in get_as(client, personas.analyst, reverse("home")).content


def test_failed_deliveries_this_week_are_counted(client, personas, partner_organisation):
    subscription, _secret = webhook_subscription_create(
        by=personas.admin,
        organisation=partner_organisation,
        kind="early_warning",
        url="https://partner.example/hooks",
    )
    now = timezone.now()
    for created_at in (now, now - datetime.timedelta(days=2), now - datetime.timedelta(days=9)):
        WebhookDelivery.objects.create(
            subscription=subscription,
            event_id="00000000-0000-0000-0000-000000000001",
            kind="early_warning",
            payload={},
            created_at=created_at,
            status=WebhookDelivery.Status.FAILED,
        )
    page = get_as(client, personas.admin, reverse("home")).content.decode()
    assert "2 webhook deliveries failed this week" in page
    assert reverse("api_platform:webhook_deliveries") in page
