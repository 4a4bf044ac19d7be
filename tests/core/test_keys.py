"""Fernet keys from the environment (samen/core/keys.py)."""

import pytest
from cryptography.fernet import Fernet

from samen.core.keys import (
    KeyRing,
    configured_keys,
    development_key,
    development_mode,
    key_problems,
    multi_fernet,
)


def test_keys_are_read_newest_first_without_blanks(monkeypatch):
    first, second = Fernet.generate_key(), Fernet.generate_key()
    monkeypatch.setenv("SAMEN_TEST_KEYS", f" {first.decode()} ,, {second.decode()}")
    assert configured_keys("SAMEN_TEST_KEYS") == (first, second)
    assert key_problems("SAMEN_TEST_KEYS") == []
    monkeypatch.delenv("SAMEN_TEST_KEYS")
    assert configured_keys("SAMEN_TEST_KEYS") == ()


def test_missing_and_broken_keys_are_named(monkeypatch):
    assert key_problems("SAMEN_ABSENT_KEYS") == ["SAMEN_ABSENT_KEYS is not set."]
    monkeypatch.setenv("SAMEN_TEST_KEYS", f"{Fernet.generate_key().decode()},not-a-key")
    assert key_problems("SAMEN_TEST_KEYS") == ["Key 2 in SAMEN_TEST_KEYS is not a Fernet key."]


def test_a_rotated_key_still_decrypts():
    old, new = Fernet.generate_key(), Fernet.generate_key()
    secret = multi_fernet((old,)).encrypt(b"geheim")
    assert multi_fernet((new, old)).decrypt(secret) == b"geheim"


def test_development_keys_are_stable_per_purpose_and_only_in_development(settings):
    assert development_key("totp") == development_key("totp")
    assert development_key("totp") != development_key("exports")
    Fernet(development_key("totp"))
    settings.DEBUG, settings.TESTING = False, True
    assert development_mode()
    settings.TESTING = False
    assert not development_mode()


RING = KeyRing("SAMEN_TEST_KEYS", purpose="test", check_id="test.E001")


def test_a_key_ring_rotates_to_its_newest_key_and_reads_both(monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("SAMEN_TEST_KEYS", old)
    stored = RING.encrypt("geheim")
    monkeypatch.setenv("SAMEN_TEST_KEYS", f"{new},{old}")
    rotated = RING.rotate(stored)
    monkeypatch.setenv("SAMEN_TEST_KEYS", new)
    assert RING.decrypt(rotated) == "geheim"


def test_a_key_ring_s_check_names_its_id_outside_development(monkeypatch, settings):
    settings.DEBUG, settings.TESTING = False, False
    monkeypatch.setenv("SAMEN_TEST_KEYS", "not-a-key")
    assert [error.id for error in RING.check()] == ["test.E001"]
    monkeypatch.delenv("SAMEN_TEST_KEYS")
    with pytest.raises(RuntimeError, match="test.E001"):
        RING.cipher()
