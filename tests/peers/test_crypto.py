"""Other cities' tokens at rest: encrypted with SAMEN_PEER_KEYS, readable with the newest key or
an older one, refused with any other key, and no start in production without real keys."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet, InvalidToken

from samen.peers import crypto
from tests.peers.conftest import TOKEN


@pytest.fixture
def key(monkeypatch):
    value = Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.KEYS_VARIABLE, value)
    return value


def test_a_token_survives_the_round_trip_and_is_not_stored_as_is(key):
    stored = crypto.encrypt(TOKEN)
    assert TOKEN not in stored
    assert crypto.decrypt(stored) == TOKEN


def test_a_token_encrypted_with_another_key_is_refused(key, monkeypatch):
    stored = crypto.encrypt(TOKEN)
    monkeypatch.setenv(crypto.KEYS_VARIABLE, Fernet.generate_key().decode())
    with pytest.raises(InvalidToken):
        crypto.decrypt(stored)


def test_rotation_moves_a_token_to_the_newest_key(key, monkeypatch):
    stored = crypto.encrypt(TOKEN)
    new = Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{new},{key}")
    assert crypto.decrypt(stored) == TOKEN  # an older key still reads it
    rotated = crypto.rotate(stored)
    monkeypatch.setenv(crypto.KEYS_VARIABLE, new)  # the old key is gone
    assert crypto.decrypt(rotated) == TOKEN
    with pytest.raises(InvalidToken):
        crypto.decrypt(stored)


def test_tests_and_debug_use_the_development_key_without_the_variable(settings, monkeypatch):
    monkeypatch.delenv(crypto.KEYS_VARIABLE, raising=False)
    settings.DEBUG, settings.TESTING = True, False
    assert crypto.decrypt(crypto.encrypt(TOKEN)) == TOKEN
    assert crypto.peer_keys_configured(None) == []


def test_production_refuses_to_start_without_keys(settings, monkeypatch):
    settings.DEBUG, settings.TESTING = False, False
    monkeypatch.delenv(crypto.KEYS_VARIABLE, raising=False)
    assert [error.id for error in crypto.peer_keys_configured(None)] == ["peers.E001"]
    with pytest.raises(RuntimeError):
        crypto.encrypt(TOKEN)
    monkeypatch.setenv(crypto.KEYS_VARIABLE, Fernet.generate_key().decode())
    assert crypto.peer_keys_configured(None) == []


def test_production_refuses_a_key_that_is_no_fernet_key(settings, monkeypatch):
    settings.DEBUG, settings.TESTING = False, False
    monkeypatch.setenv(crypto.KEYS_VARIABLE, "not-a-key")
    assert [error.id for error in crypto.peer_keys_configured(None)] == ["peers.E001"]
