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
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.checks import Error


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


@dataclass(frozen=True)
class KeyRing:
    """The keys of one use: the variable that holds them, the development key's purpose and
    the id of the system check that refuses to start without them. Each use declares one
    (second-factor secrets, webhook secrets, other cities' tokens) and registers `check`."""

    variable: str
    purpose: str
    check_id: str

    def cipher(self) -> MultiFernet:
        """The configured keys, or outside production the development key."""
        configured = configured_keys(self.variable)
        if not configured:
            if not development_mode():
                raise RuntimeError(f"{self.variable} is not set (system check {self.check_id}).")
            configured = (development_key(self.purpose),)
        return multi_fernet(configured)

    def encrypt(self, text: str) -> str:
        return self.cipher().encrypt(text.encode()).decode()

    def decrypt(self, stored: str) -> str:
        return self.cipher().decrypt(stored.encode()).decode()

    def rotate(self, stored: str) -> str:
        """The same text, encrypted with the newest key."""
        return self.cipher().rotate(stored.encode()).decode()

    def check(self) -> list[Error]:
        """Outside debug and tests, the variable must hold real keys."""
        if development_mode():
            return []
        return [
            Error(problem, hint="See README, 'Configuration'.", id=self.check_id)
            for problem in key_problems(self.variable)
        ]
