"""A report sent to partners at other levels is told to their systems: once, to the
recipients only, naming where to read it and its signed hash, never its content."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samen.api.actions import webhook_subscription_create
from samen.api.models import WebhookDelivery
from samen.reporting.actions import level_report_send
from samen.reporting.events import PUBLISHED
from tests.reporting.conftest import signed

pytestmark = pytest.mark.django_db


def subscribe(personas, organisation):
    subscription, _secret = webhook_subscription_create(
        by=personas.admin, organisation=organisation, kind=PUBLISHED, url="https://p.example/h"
    )
    return subscription


def test_the_recipients_systems_hear_of_a_sent_report(personas, partners, settings):
    settings.SAMEN_BASE_URL = "https://samen.example/"
    flemish = subscribe(personas, partners.flemish)
    subscribe(personas, partners.federal)  # not a recipient: hears nothing
    report = level_report_send(
        by=personas.analyst, report=signed(personas, 2025), recipients=[partners.flemish]
    )
    (delivery,) = WebhookDelivery.objects.filter(kind=PUBLISHED)
    assert delivery.subscription == flemish
    assert delivery.payload == {
        "report": report.pk,
        "year": 2025,
        "sha256": report.content_sha256,
        "sent_at": report.sent_at.isoformat(),
        "url": f"https://samen.example/api/reports/{report.pk}/",
        "csv_url": f"https://samen.example/api/reports/{report.pk}/csv/",
    }


def test_a_refused_send_tells_nobody(personas, partners):
    subscribe(personas, partners.flemish)
    with pytest.raises(ValidationError):  # a report goes only to other levels
        level_report_send(
            by=personas.analyst, report=signed(personas, 2025), recipients=[partners.city]
        )
    assert not WebhookDelivery.objects.exists()
