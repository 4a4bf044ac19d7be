"""Second-factor secrets encrypted at rest, with keys kept apart from SECRET_KEY.

Security-critical. allauth stores each person's TOTP secret and recovery-code seed in the
database; whoever reads them can make that person's codes. Samen encrypts them through
allauth's own adapter hooks with Fernet keys from SAMEN_MFA_KEYS (comma-separated, newest
first; MultiFernet encrypts with the first and decrypts with any). Rotation: put a new key in
front, run `samen rotate-mfa-keys`, then remove the old key.

In debug and test runs a fixed development key stands in; outside them the system check
`people.E001` refuses to start without a real key. (The case consultation has its own keys:
a leak of one set does not open the other.)
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.checks import Error, Tags, register

KEYS_VARIABLE = "SAMEN_MFA_KEYS"


def development_mode() -> bool:
    return bool(settings.DEBUG or getattr(settings, "TESTING", False))


def configured_keys() -> tuple[bytes, ...]:
    raw = os.environ.get(KEYS_VARIABLE, "")
    return tuple(key.strip().encode() for key in raw.split(",") if key.strip())


def key_problems() -> list[str]:
    keys = configured_keys()
    if not keys:
        return [f"{KEYS_VARIABLE} is not set."]
    problems = []
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            problems.append(f"Key {number} in {KEYS_VARIABLE} is not a Fernet key.")
    return problems


@lru_cache(maxsize=4)
def _cipher(keys: tuple[bytes, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def cipher() -> MultiFernet:
    """The configured keys, or outside production a development key derived from a public
    constant (it protects nothing, and production refuses it)."""
    keys = configured_keys()
    if not keys:
        if not development_mode():
            raise RuntimeError(f"{KEYS_VARIABLE} is not set (system check people.E001).")
        digest = hashlib.sha256(b"samen-development-only-mfa").digest()
        keys = (base64.urlsafe_b64encode(digest),)
    return _cipher(keys)


class SecondFactorAdapter(DefaultMFAAdapter):
    """allauth's MFA adapter, with the secrets it stores encrypted."""

    def encrypt(self, text: str) -> str:
        return cipher().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return cipher().decrypt(encrypted_text.encode()).decode()


@register(Tags.security)
def second_factor_keys_configured(app_configs, **kwargs) -> list[Error]:
    """people.E001: outside debug and tests, SAMEN_MFA_KEYS must hold real keys."""
    if development_mode():
        return []
    return [
        Error(problem, hint="See README, 'Configuration'.", id="people.E001")
        for problem in key_problems()
    ]
