"""Second-factor secrets are stored encrypted, with keys apart from SECRET_KEY, and rotate."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from cryptography.fernet import Fernet
from django.db import connection

from samen.people import second_factor_keys

pytestmark = pytest.mark.django_db


def raw_data(authenticator) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        return str(cursor.fetchone()[0])


def test_the_totp_secret_is_not_readable_in_the_database(personas):
    secret = generate_totp_secret()
    Authenticator.objects.filter(user=personas.analyst).delete()
    authenticator = TOTP.activate(personas.analyst, secret).instance
    assert secret not in raw_data(authenticator)
    assert TOTP(authenticator).validate_code(_code_now(secret))


def test_production_refuses_to_start_without_a_key(settings, monkeypatch):
    settings.DEBUG = False
    settings.TESTING = False
    monkeypatch.delenv("SAMEN_MFA_KEYS", raising=False)
    assert [e.id for e in second_factor_keys.second_factor_keys_configured(None)] == ["people.E001"]
    monkeypatch.setenv("SAMEN_MFA_KEYS", Fernet.generate_key().decode())
    assert second_factor_keys.second_factor_keys_configured(None) == []


def _code_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_secrets_stored_in_the_clear_before_are_encrypted_by_the_migration(personas):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "samen.people.migrations.0002_encrypt_second_factor_secrets"
    )
    Authenticator.objects.filter(user=personas.analyst).delete()
    secret = generate_totp_secret()
    plain = Authenticator.objects.create(
        user=personas.analyst, type=Authenticator.Type.TOTP, data={"secret": secret}
    )
    migration.encrypt_stored_secrets(apps, None)
    assert secret not in raw_data(plain)
    plain.refresh_from_db()
    assert TOTP(plain).validate_code(_code_now(secret))
