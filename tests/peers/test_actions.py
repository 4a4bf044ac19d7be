"""Recording, changing and removing other cities: https only outside debug, the token kept
encrypted, every change in the audit trail."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from samen.audit.models import AuditRecord
from samen.peers import crypto
from samen.peers.actions import peer_change, peer_keys_rotate, peer_record, peer_remove
from samen.peers.models import Peer
from tests.peers.conftest import TOKEN

pytestmark = pytest.mark.django_db
OTHER_TOKEN = "samenpartner_" + "z" * 43


def record(personas, **fields):
    values = {"name": "Gent", "base_url": "https://samen.gent.example/", "token": TOKEN}
    return peer_record(by=personas.admin, **{**values, **fields})


def refusal(personas, **fields) -> dict:
    with pytest.raises(ValidationError) as refused:
        record(personas, **fields)
    return refused.value.message_dict


def test_the_token_is_kept_encrypted_and_only_its_beginning_shown(personas):
    peer = record(personas)
    assert peer.base_url == "https://samen.gent.example"
    assert TOKEN not in peer.token_encrypted
    assert peer.token() == TOKEN
    assert peer.hint == "samenpartner_kkkk"


def test_plain_http_is_refused_outside_debug(personas):
    errors = refusal(personas, base_url="http://samen.gent.example")
    assert errors == {"base_url": ["Give the other city's full address, starting with https://."]}
    assert not Peer.objects.exists()


@override_settings(DEBUG=True)
def test_plain_http_is_allowed_in_debug_mode_only(personas):
    assert record(personas, base_url="http://127.0.0.1:8001").base_url == "http://127.0.0.1:8001"


@pytest.mark.parametrize(
    "address",
    ["samen.gent.example", "ftp://samen.gent.example", "file:///etc/passwd", "https://"],
)
def test_what_is_no_https_address_is_refused(personas, address):
    assert "base_url" in refusal(personas, base_url=address)


def test_names_passwords_queries_in_the_address_are_refused(personas):
    errors = refusal(personas, base_url="https://me:secret@samen.gent.example")
    assert errors["base_url"] == ["Leave names and passwords out of the address."]
    errors = refusal(personas, base_url="https://samen.gent.example/?token=1")
    assert errors["base_url"] == ["Give the address of their Samen only, without ? or #."]


@pytest.mark.parametrize(
    "token", ["", "samen_person_token_" + "a" * 30, "samenpartner_x", TOKEN + "\r\nX-Evil: 1"]
)
def test_a_token_that_is_no_partner_token_is_refused(personas, token):
    assert list(refusal(personas, token=token)) == ["token"]


def test_every_problem_at_once_and_nothing_written(personas):
    errors = refusal(personas, name=" ", base_url="http://x", token="nope")
    assert set(errors) == {"name", "base_url", "token"}
    assert not Peer.objects.exists()


def test_a_name_with_personal_data_or_taken_is_refused(personas):
    assert "personal identifiers" in refusal(personas, name="Gent 0470 12 34 56")["name"][0]
    record(personas)
    errors = refusal(personas, name="gent", base_url="https://other.example")
    assert errors["name"] == ["Another city of that name is recorded already."]


def test_only_an_administrator_records_changes_and_removes(personas):
    with pytest.raises(PermissionDenied):
        peer_record(by=personas.analyst, name="Gent", base_url="https://g.example", token=TOKEN)
    peer = record(personas)
    with pytest.raises(PermissionDenied):
        peer_change(by=personas.analyst, peer=peer, name="Gent", base_url="https://g.example")
    with pytest.raises(PermissionDenied):
        peer_remove(by=personas.analyst, peer=peer)
    assert Peer.objects.get() == peer


def test_a_change_keeps_the_token_unless_a_new_one_is_given(personas):
    peer = record(personas)
    before = peer.changed_at
    peer_change(by=personas.admin, peer=peer, name="Stad Gent", base_url="https://g.example")
    peer.refresh_from_db()
    assert (peer.name, peer.base_url, peer.token()) == ("Stad Gent", "https://g.example", TOKEN)
    assert peer.changed_at > before
    peer_change(
        by=personas.admin, peer=peer, name="Gent", base_url=peer.base_url, token=OTHER_TOKEN
    )
    peer.refresh_from_db()
    assert peer.token() == OTHER_TOKEN and peer.hint == "samenpartner_zzzz"


def test_removing_forgets_the_token_and_the_trail_keeps_the_removal(personas):
    peer = record(personas)
    pk = peer.pk
    peer_remove(by=personas.admin, peer=peer)
    assert not Peer.objects.exists()
    removal = AuditRecord.objects.filter(object_pk=str(pk), action=AuditRecord.Action.DELETE)
    assert removal.get().actor == personas.admin


def test_rotation_re_encrypts_with_the_newest_key_and_the_token_stays(personas, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.KEYS_VARIABLE, old)
    peer = record(personas)
    monkeypatch.setenv(crypto.KEYS_VARIABLE, f"{new},{old}")
    assert peer_keys_rotate(by=None) == 1
    monkeypatch.setenv(crypto.KEYS_VARIABLE, new)
    peer.refresh_from_db()
    assert peer.token() == TOKEN
