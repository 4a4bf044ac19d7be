"""Fernet keys kept apart from SECRET_KEY, read from the environment (one variable per use).

A variable holds one or more keys separated by commas, the newest first: MultiFernet
encrypts with the first and decrypts with any, so rotation is "put a new key in front,
re-encrypt, remove the old one". In debug and test runs a development key derived from a
public constant stands in: it protects nothing, and each module's system check refuses to
start without real keys outside them.
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


def development_mode() -> bool:
    """Whether the fixed development keys may stand in for real ones."""
    return bool(settings.DEBUG or getattr(settings, "TESTING", False))


def development_key(purpose: str) -> bytes:
    digest = hashlib.sha256(f"samen-development-only-{purpose}".encode()).digest()
    return base64.urlsafe_b64encode(digest)


def configured_keys(variable: str) -> tuple[bytes, ...]:
    """The keys in `variable`, newest first; () when it is not set."""
    raw = os.environ.get(variable, "")
    return tuple(key.strip().encode() for key in raw.split(",") if key.strip())


def key_problems(variable: str) -> list[str]:
    """What is wrong with the keys in `variable` (empty when they are usable)."""
    keys = configured_keys(variable)
    if not keys:
        return [f"{variable} is not set."]
    problems = []
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            problems.append(f"Key {number} in {variable} is not a Fernet key.")
    return problems


@lru_cache(maxsize=8)
def multi_fernet(keys: tuple[bytes, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])
