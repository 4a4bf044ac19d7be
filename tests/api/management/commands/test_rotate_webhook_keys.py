"""`samen rotate-webhook-keys`: the stored secrets move to the newest key; the secrets, and so
the partners' signature checks, stay the same."""

from __future__ import annotations

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from samen.api import signing_keys
from samen.api.actions import webhook_subscription_create
from samen.api.webhooks import signature

pytestmark = pytest.mark.django_db


def test_rotation_keeps_the_secret_and_so_the_partners_signature_check(
    personas, partner_organisation, monkeypatch
):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(signing_keys.KEYS_VARIABLE, old)
    subscription, secret = webhook_subscription_create(
        by=personas.admin,
        organisation=partner_organisation,
        kind="early_warning",
        url="https://partner.example/hooks",
    )
    before = signature(secret, 1_700_000_000, b"{}")
    monkeypatch.setenv(signing_keys.KEYS_VARIABLE, f"{new},{old}")
    out = StringIO()
    call_command("rotate_webhook_keys", stdout=out)
    assert "1 webhook secret(s) re-encrypted" in out.getvalue()
    monkeypatch.setenv(signing_keys.KEYS_VARIABLE, new)  # the old key is gone
    subscription.refresh_from_db()
    assert signature(subscription.signing_secret(), 1_700_000_000, b"{}") == before
