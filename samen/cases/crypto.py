"""Encryption at rest of the people a case is about, and the keyed index to find them by name.

Security-critical. Identifying data (name, date of birth, address) is encrypted with Fernet
keys kept apart from SECRET_KEY: the environment variable SAMEN_CASE_KEYS holds one or more
keys separated by commas, the newest first. MultiFernet encrypts with the first and decrypts
with any, so rotation is: put a new key in front, run `rotate_case_keys`, then remove the old
one. Finding a person by name uses a blind index, HMAC-SHA256 of the normalised name with its
own key (SAMEN_CASE_INDEX_KEY), so the database holds no readable name and the index cannot
be recomputed without that key.

In debug and test runs a fixed development key stands in, so the demo keeps its data across
restarts; outside them the system check `cases.E001` refuses to start without real keys.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata

from cryptography.fernet import InvalidToken, MultiFernet
from django.core.exceptions import ImproperlyConfigured

from samen.core import keys

KEYS_VARIABLE = "SAMEN_CASE_KEYS"
INDEX_KEY_VARIABLE = "SAMEN_CASE_INDEX_KEY"


def _development_key(purpose: str) -> bytes:
    return keys.development_key(purpose)


def development_mode() -> bool:
    """Whether the fixed development keys may stand in for real ones."""
    return keys.development_mode()


def configured_keys() -> list[bytes]:
    """The Fernet keys from the environment, newest first; [] when none are set."""
    return list(keys.configured_keys(KEYS_VARIABLE))


def configured_index_key() -> bytes:
    return os.environ.get(INDEX_KEY_VARIABLE, "").strip().encode()


def key_problems() -> list[str]:
    """What is wrong with the configured keys (empty when they are usable)."""
    problems = keys.key_problems(KEYS_VARIABLE)
    encryption_keys = configured_keys()
    index_key = configured_index_key()
    if len(index_key) < 32:
        problems.append(f"{INDEX_KEY_VARIABLE} must be set, at least 32 characters.")
    elif any(hmac.compare_digest(index_key, key) for key in encryption_keys):
        problems.append(f"{INDEX_KEY_VARIABLE} must differ from the encryption keys.")
    return problems


def cipher() -> MultiFernet:
    """The MultiFernet of the configured keys (or the development key in debug and tests)."""
    encryption_keys = keys.configured_keys(KEYS_VARIABLE)
    if not encryption_keys:
        if not development_mode():
            raise ImproperlyConfigured(f"{KEYS_VARIABLE} must be set to read or write cases.")
        encryption_keys = (_development_key("encryption"),)
    return keys.multi_fernet(encryption_keys)


def index_key() -> bytes:
    key = configured_index_key()
    if not key:
        if not development_mode():
            raise ImproperlyConfigured(f"{INDEX_KEY_VARIABLE} must be set to find people.")
        key = _development_key("blind-index")
    return key


def encrypt(text: str) -> str:
    """Encrypt `text` with the newest key; the token is ASCII, safe for a text column."""
    return cipher().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """Decrypt a token made with any configured key; InvalidToken if none fits."""
    return cipher().decrypt(token.encode("ascii")).decode()


def rotate(token: str) -> str:
    """Re-encrypt a token with the newest key (MultiFernet.rotate keeps its timestamp)."""
    return cipher().rotate(token.encode("ascii")).decode("ascii")


def _strip_marks(text: str) -> str:
    """Decompose (NFKD) and drop the combining marks: accents go, base letters stay."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise_name(name: str) -> str:
    """Fold a name to what the index compares: no accents or case, words in sorted order.

    "Ömer  van Dam" and "dam VAN omer" give the same result, so that the order in which a
    referral writes first and last name does not hide a known person. Letters and digits of
    every script are kept ("Łukasz", "Иван Петров", "محمد"), only combining marks (accents,
    vowel signs) are dropped, so a Latin name with accents folds exactly as it always did.
    """
    folded = _strip_marks(_strip_marks(name).casefold())
    words = "".join(
        c if c.isalnum() or unicodedata.category(c).startswith("M") else " " for c in folded
    ).split()
    return " ".join(sorted(words))


def name_index(name: str) -> str:
    """The blind index of a name: hex HMAC-SHA256 with the index key; '' for an empty name."""
    normalised = normalise_name(name)
    if not normalised:
        return ""
    return hmac.new(index_key(), normalised.encode(), hashlib.sha256).hexdigest()


__all__ = [
    "InvalidToken",
    "cipher",
    "decrypt",
    "encrypt",
    "key_problems",
    "name_index",
    "normalise_name",
    "rotate",
]
