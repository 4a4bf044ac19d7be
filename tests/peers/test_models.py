"""A recorded city: its token read back decrypted, its name shown, the cities in order of name,
and the trail that follows it without ever holding the token."""

from __future__ import annotations

import pytest

from samen.audit.models import AuditRecord
from samen.peers import crypto
from samen.peers.actions import peer_record
from samen.peers.models import Peer
from tests.peers.conftest import TOKEN

pytestmark = pytest.mark.django_db


def record(personas, name="Gent"):
    return peer_record(
        by=personas.admin, name=name, base_url=f"https://samen.{name.lower()}.example", token=TOKEN
    )


def test_token_gives_back_what_was_encrypted(personas):
    peer = record(personas)
    assert peer.token_encrypted != TOKEN
    assert Peer.objects.get(pk=peer.pk).token() == TOKEN
    peer.token_encrypted = crypto.encrypt("samenpartner_" + "q" * 43)
    assert peer.token() == "samenpartner_" + "q" * 43


def test_a_city_is_shown_by_its_name_and_listed_in_order_of_name(personas):
    for name in ("Mechelen", "Brugge", "Leuven"):
        record(personas, name)
    assert [str(peer) for peer in Peer.objects.all()] == ["Brugge", "Leuven", "Mechelen"]


def test_the_trail_records_it_without_the_token(personas):
    peer = record(personas)
    entry = AuditRecord.objects.get_for_object(peer).get()
    assert entry.actor == personas.admin
    assert entry.changes["name"] == ["None", "Gent"]
    assert peer.token_encrypted not in str(entry.changes)
    assert TOKEN not in str(entry.changes)
