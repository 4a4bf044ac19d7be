"""Operators re-encrypt other cities' tokens with the newest key: the command says how many, the
tokens still read after the old key is gone, and the trail records each change, by nobody."""

from __future__ import annotations

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from samen.audit.models import AuditRecord
from samen.peers import crypto
from samen.peers.actions import peer_record
from tests.peers.conftest import TOKEN

pytestmark = pytest.mark.django_db


def rotate() -> str:
    out = StringIO()
    call_command("rotate_peer_keys", stdout=out)
    return out.getvalue()


def test_the_command_re_encrypts_says_how_many_and_the_trail_keeps_it(personas, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.KEYS_VARIABLE, old)
    peer = peer_record(
        by=personas.admin, name="Gent", base_url="https://samen.gent.example", token=TOKEN
    )
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{new},{old}")
    assert rotate() == "1 token(s) of other cities re-encrypted with the newest key.\n"
    monkeypatch.setenv(crypto.KEYS_VARIABLE, new)  # the old key is gone
    peer.refresh_from_db()
    assert peer.token() == TOKEN
    change = AuditRecord.objects.get_for_object(peer).filter(action=AuditRecord.Action.UPDATE)
    entry = change.get()
    assert entry.actor is None
    assert list(entry.changes) == ["token_encrypted"]
    assert TOKEN not in str(entry.changes) and peer.token_encrypted not in str(entry.changes)


def test_the_command_changes_nothing_without_cities(personas, monkeypatch):
    before = AuditRecord.objects.count()
    assert rotate().startswith("0 token(s)")
    assert AuditRecord.objects.count() == before
