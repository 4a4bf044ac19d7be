"""Operators rotate the keys of second factors; codes made before still work."""

from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from cryptography.fernet import Fernet
from django.core.management import call_command

from tests.people.test_second_factor_keys import _code_now

pytestmark = pytest.mark.django_db


def test_rotation_re_encrypts_with_the_new_key_and_codes_still_work(personas, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    # The personas' own second factors were made with the development key: not this server's.
    Authenticator.objects.all().delete()
    monkeypatch.setenv("SAMEN_MFA_KEYS", old)
    secret = generate_totp_secret()
    authenticator = TOTP.activate(personas.analyst, secret).instance
    monkeypatch.setenv("SAMEN_MFA_KEYS", f"{new},{old}")
    call_command("rotate_mfa_keys", stdout=StringIO())
    monkeypatch.setenv("SAMEN_MFA_KEYS", new)  # the old key is gone
    authenticator.refresh_from_db()
    assert TOTP(authenticator).validate_code(_code_now(secret))
