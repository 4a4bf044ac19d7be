"""Partner tokens, webhook subscriptions and deliveries as stored: which tokens are live, what
a token holds, the signing secret read back, one live subscription per organisation and kind,
and a trail that never holds a digest or a secret."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from samen.api.actions import (
    partner_token_revoke,
    webhook_subscription_create,
    webhook_subscription_end,
)
from samen.api.models import PartnerToken, WebhookDelivery, WebhookSubscription
from samen.api.scopes import EXCHANGES_WRITE, STATISTICS_READ
from samen.audit.models import AuditRecord
from tests.api.conftest import KIND, issue

pytestmark = pytest.mark.django_db


def test_live_tokens_are_not_revoked_not_ended_and_of_an_active_organisation(
    personas, partner_organisation
):
    live, _key = issue(personas, partner_organisation, days=1, name="live")
    revoked, _key = issue(personas, partner_organisation, name="revoked")
    partner_token_revoke(by=personas.admin, token=revoked)
    today = timezone.localdate()
    assert list(PartnerToken.objects.live()) == [live]
    assert list(PartnerToken.objects.live(today + datetime.timedelta(days=1))) == [live]
    assert not PartnerToken.objects.live(today + datetime.timedelta(days=2)).exists()
    partner_organisation.is_active = False
    partner_organisation.save()
    assert not PartnerToken.objects.live().exists()


def test_a_token_holds_its_scopes_only_and_is_named_by_organisation(personas, partner_organisation):
    token, _key = issue(personas, partner_organisation, scopes=[STATISTICS_READ])
    assert token.holds(STATISTICS_READ) and not token.holds(EXCHANGES_WRITE)
    assert str(token) == "Vlaams Agentschap Samenleven: Rapportering"


def test_the_trail_of_a_token_holds_no_digest(personas, partner_organisation):
    token, key = issue(personas, partner_organisation)
    entry = AuditRecord.objects.get_for_object(token).get()
    assert entry.actor == personas.admin
    assert "digest" in entry.changes
    assert token.digest not in str(entry.changes) and key not in str(entry.changes)


def test_the_signing_secret_is_read_back_and_kept_out_of_the_trail(personas, partner_organisation):
    subscription, secret = webhook_subscription_create(
        by=personas.admin, organisation=partner_organisation, kind=KIND, url="https://r.example/"
    )
    stored = WebhookSubscription.objects.get(pk=subscription.pk)
    assert stored.secret != secret and stored.signing_secret() == secret
    assert str(stored) == f"Vlaams Agentschap Samenleven: {KIND}"
    entry = AuditRecord.objects.get_for_object(stored).get()
    assert secret not in str(entry.changes) and stored.secret not in str(entry.changes)


def test_one_live_subscription_per_organisation_and_kind(personas, partner_organisation):
    first, _secret = webhook_subscription_create(
        by=personas.admin, organisation=partner_organisation, kind=KIND, url="https://r.example/"
    )
    copy = {"organisation": partner_organisation, "kind": KIND, "url": "https://s.example/"}
    with pytest.raises(IntegrityError), transaction.atomic():
        WebhookSubscription.objects.create(created_by=personas.admin, secret="x", **copy)
    webhook_subscription_end(by=personas.admin, subscription=first)
    WebhookSubscription.objects.create(created_by=personas.admin, secret="x", **copy)
    assert WebhookSubscription.objects.filter(ended_at__isnull=True).count() == 1


def test_deliveries_are_listed_newest_first_and_named_by_event(personas, partner_organisation):
    subscription, _secret = webhook_subscription_create(
        by=personas.admin, organisation=partner_organisation, kind=KIND, url="https://r.example/"
    )
    event = uuid.uuid4()
    now = timezone.now()
    older, newer = (
        WebhookDelivery.objects.create(
            subscription=subscription, event_id=event, kind=KIND, payload={}, created_at=when
        )
        for when in (now - datetime.timedelta(minutes=1), now)
    )
    assert list(WebhookDelivery.objects.all()) == [newer, older]
    assert newer.status == WebhookDelivery.Status.PENDING and newer.attempts == 0
    assert str(newer) == f"{KIND} {event} → {subscription.pk}"
