"""Webhook signing secrets are stored encrypted with keys of their own, and production
refuses to start without a key (the rotation: tests/api/management/commands)."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet, InvalidToken

from samen.api import signing_keys
from samen.api.actions import webhook_subscription_create
from samen.api.models import WebhookSubscription

pytestmark = pytest.mark.django_db


def subscribe(personas, organisation):
    return webhook_subscription_create(
        by=personas.admin,
        organisation=organisation,
        kind="early_warning",
        url="https://partner.example/hooks",
    )


def test_the_database_holds_no_secret_in_the_clear(personas, partner_organisation):
    subscription, secret = subscribe(personas, partner_organisation)
    stored = WebhookSubscription.objects.values_list("secret", flat=True).get()
    assert secret not in stored and stored.startswith("gAAAAA")  # a Fernet token
    assert subscription.signing_secret() == secret


def test_another_key_cannot_read_it(personas, partner_organisation, monkeypatch):
    subscription, _secret = subscribe(personas, partner_organisation)
    monkeypatch.setenv(signing_keys.KEYS_VARIABLE, Fernet.generate_key().decode())
    with pytest.raises(InvalidToken):
        subscription.signing_secret()


def test_production_refuses_to_start_without_a_key(settings, monkeypatch):
    settings.DEBUG = False
    settings.TESTING = False
    monkeypatch.delenv(signing_keys.KEYS_VARIABLE, raising=False)
    assert [e.id for e in signing_keys.webhook_keys_configured(None)] == ["api.E001"]
    with pytest.raises(RuntimeError):
        signing_keys.cipher()
    monkeypatch.setenv(signing_keys.KEYS_VARIABLE, "not-a-key")
    assert [e.id for e in signing_keys.webhook_keys_configured(None)] == ["api.E001"]
    monkeypatch.setenv(signing_keys.KEYS_VARIABLE, Fernet.generate_key().decode())
    assert signing_keys.webhook_keys_configured(None) == []
