"""Webhooks: signed deliveries, retried with back-off by the task worker, logged, and never
sent from a person's request."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.db import transaction

from samen.api.actions import webhook_subscription_end
from samen.api.events import publish_event
from samen.api.models import WebhookDelivery
from samen.api.webhooks import DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, retry_delay
from tests.api.conftest import KIND, publish, something_happens

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def documented_verify():
    """The `verify` function of docs/api.md's Python snippet, run as a partner would."""
    text = DOCS.read_text()
    section = text[text.index("### Checking the signature") :]
    (snippet,) = re.findall(r"```python\n(.*?)```", section, re.S)[:1]
    namespace: dict = {}
    exec(snippet, namespace)  # noqa: S102 - our own documentation, tested as written
    return namespace["verify"]


def test_a_delivery_is_signed_so_the_documented_snippet_verifies_it(
    personas, subscription, receiver, django_capture_on_commit_callbacks
):
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    (got,) = receiver.received
    verify = documented_verify()
    assert verify(subscription.shown_secret, got.headers[SIGNATURE_HEADER], got.body)
    assert not verify("another secret", got.headers[SIGNATURE_HEADER], got.body)
    assert not verify(subscription.shown_secret, got.headers[SIGNATURE_HEADER], got.body + b" ")
    stamp = int(got.headers[SIGNATURE_HEADER].split(",")[0][2:])
    late = stamp + 301
    assert not verify(subscription.shown_secret, got.headers[SIGNATURE_HEADER], got.body, late)
    assert got.headers[EVENT_HEADER] == str(delivery.event_id)
    assert got.headers[DELIVERY_HEADER] == str(delivery.pk)
    assert b'"kind":"test.happened"' in got.body and b'"signals":"<5"' in got.body
    assert delivery.status == "delivered" and delivery.attempts == 1
    assert delivery.response_code == 200


@pytest.mark.parametrize("receiver", [[(500, 0), (200, 0)]], indirect=True)
def test_a_500_is_retried_and_delivered_once(
    personas, subscription, receiver, django_capture_on_commit_callbacks
):
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    delivery.refresh_from_db()
    assert [r.headers[DELIVERY_HEADER] for r in receiver.received] == [str(delivery.pk)] * 2
    assert receiver.received[0].body == receiver.received[1].body
    assert delivery.status == "delivered" and delivery.attempts == 2
    assert delivery.response_code == 200 and delivery.next_attempt_at is None


@pytest.mark.parametrize("receiver", [[(200, 2), (200, 0)]], indirect=True)
def test_a_receiver_that_hangs_is_given_up_on_and_retried(
    personas, subscription, receiver, settings, django_capture_on_commit_callbacks
):
    settings.SAMEN_WEBHOOK_TIMEOUT_SECONDS = 0.3
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    assert len(receiver.received) == 2
    assert delivery.status == "delivered" and delivery.attempts == 2


@pytest.mark.parametrize("receiver", [[(500, 0)]], indirect=True)
def test_a_delivery_fails_after_the_last_attempt(
    personas, subscription, receiver, settings, django_capture_on_commit_callbacks
):
    settings.SAMEN_WEBHOOK_MAX_ATTEMPTS = 3
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    assert len(receiver.received) == 3
    assert delivery.status == "failed" and delivery.attempts == 3
    assert delivery.response_code == 500 and delivery.error == "HTTP 500"
    assert delivery.next_attempt_at is None


@pytest.mark.parametrize("receiver", [[(302, 0), (200, 0)]], indirect=True)
def test_a_redirect_is_not_followed(
    personas, subscription, receiver, settings, django_capture_on_commit_callbacks
):
    settings.SAMEN_WEBHOOK_MAX_ATTEMPTS = 1
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    assert len(receiver.received) == 1
    assert delivery.status == "failed" and delivery.response_code == 302


def test_a_rolled_back_action_sends_nothing(
    personas, subscription, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        something_happens(by=personas.analyst, payload={}, fail=True)
    assert receiver.received == [] and not WebhookDelivery.objects.exists()


def test_an_event_with_a_key_is_sent_once(
    personas, subscription, receiver, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            publish_event(KIND, {"week": "2026-W11"}, key="test:11002S:2026-03-09")
    assert WebhookDelivery.objects.count() == 1 and len(receiver.received) == 1


def test_only_live_subscriptions_of_the_organisations_named_hear(
    personas, subscription, receiver, partner_organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_event(KIND, {}, organisations=[])
    webhook_subscription_end(by=personas.admin, subscription=subscription)
    with django_capture_on_commit_callbacks(execute=True):
        publish_event(KIND, {}, organisations=[partner_organisation])
    assert receiver.received == [] and not WebhookDelivery.objects.exists()


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        publish_event("no.such.event", {})


def test_the_back_off_doubles_up_to_an_hour(settings):
    settings.SAMEN_WEBHOOK_RETRY_SECONDS = 30
    delays = [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 10)]
    assert delays == [30, 60, 120, 240, 3600]
    assert retry_delay(1) == datetime.timedelta(seconds=30)
