"""The page of other cities and the administrators' pages, for every persona; a city that is
down or answers garbage never breaks the page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.audit.models import AuditRecord
from samen.peers.actions import peer_record
from samen.peers.models import Peer
from tests.conftest import get_as
from tests.peers.conftest import TOKEN, free_port

pytestmark = pytest.mark.django_db
COMPARE = reverse("peers:compare")
LIST = reverse("peers:list")
NEW = reverse("peers:new")
READERS = {"admin", "analyst"}


def test_the_page_of_other_cities_for_each_persona(client, personas, liege, monkeypatch):
    monkeypatch.setattr("samen.peers.comparison.fetch", lambda *a, **k: down_answer(liege))
    for name, person in personas.all().items():
        response = get_as(client, person, COMPARE)
        assert response.status_code == (200 if name in READERS else 403), name


def test_the_administrators_pages_for_each_persona(client, personas, liege):
    pages = [LIST, NEW, reverse("peers:change", args=[liege.pk])]
    for name, person in personas.all().items():
        for url in pages:
            response = get_as(client, person, url)
            assert response.status_code == (200 if name == "admin" else 403), (name, url)


def test_an_outsider_removes_nothing(client, personas, liege):
    client.force_login(personas.analyst)
    response = client.post(reverse("peers:remove", args=[liege.pk]))
    assert response.status_code == 403
    assert Peer.objects.filter(pk=liege.pk).exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, liege):
    for url in [COMPARE, LIST, NEW, reverse("peers:change", args=[liege.pk])]:
        response = get_as(client, None, url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_an_administrator_gets_404_for_a_city_not_recorded(client, personas):
    client.force_login(personas.admin)
    assert client.get(reverse("peers:change", args=[999])).status_code == 404
    assert client.post(reverse("peers:remove", args=[999])).status_code == 404


def down_answer(peer):
    from samen.peers.client import PeerAnswer

    return PeerAnswer(peer, None, "unreachable")


def test_a_good_city_is_shown_beside_this_one(client, personas, gent, fake_peer):
    response = get_as(client, personas.analyst, COMPARE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = response.content.decode()
    # Gent's rows under their periods, in this city's columns (matched by code, so this
    # city's labels head them), beside this city's own districts.
    assert "<td>Gent</td><td>Gentbrugge</td><td>7</td><td>–</td><td>&lt;5</td><td>x</td>" in page
    assert ">2026-01</th>" in page and "Polarisatie" not in page
    assert "<td>Antwerp</td><td>Borgerhout</td>" in page
    assert "did not answer" not in page
    assert len(fake_peer.asked) == 1


def test_a_city_that_is_down_shows_a_message_and_the_page_still_works(client, personas, debug):
    peer_record(
        by=personas.admin, name="Brugge", base_url=f"http://127.0.0.1:{free_port()}", token=TOKEN
    )
    response = get_as(client, personas.analyst, COMPARE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert (
        "Brugge</strong>: Its Samen did not answer. Try again later." in response.content.decode()
    )
    assert "Borgerhout" in response.content.decode()


def test_garbage_shows_a_message_in_dutch_and_none_of_it(client, personas, gent, fake_peer):
    fake_peer.content_type, fake_peer.body = "application/json", b'{"rows": "<b>42</b>"}'
    response = get_as(client, personas.analyst, COMPARE)  # Dutch unless asked otherwise
    page = response.content.decode()
    assert response.status_code == 200
    assert "Gent</strong>: De Samen van deze stad antwoordde iets anders" in page
    assert "42" not in page


def test_a_refused_token_says_what_is_missing(client, personas, gent, fake_peer):
    fake_peer.status = 403
    response = get_as(client, personas.analyst, COMPARE, HTTP_ACCEPT_LANGUAGE="en")
    assert "statistics:read" in response.content.decode()
    assert "(HTTP 403)" in response.content.decode()


def test_a_bad_period_shows_the_error_summary_and_asks_nobody(client, personas, gent, fake_peer):
    client.force_login(personas.analyst)
    query = {"since": "2026-03-01", "until": "2026-01-01", "granularity": "month", "level": "group"}
    response = client.get(COMPARE, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "The period ends before it starts." in response.content.decode()
    assert fake_peer.asked == []


def test_reading_the_page_is_recorded_in_the_trail(client, personas, liege, monkeypatch):
    monkeypatch.setattr("samen.peers.comparison.fetch", lambda *a, **k: down_answer(liege))
    get_as(client, personas.analyst, COMPARE)
    read = AuditRecord.objects.filter(
        action=AuditRecord.Action.ACCESS, actor=personas.analyst
    ).latest("pk")
    assert read.additional_data["what"].startswith("Gepubliceerde statistieken")


def test_the_queries_do_not_grow_with_the_cities(client, personas, monkeypatch):
    monkeypatch.setattr("samen.peers.comparison.fetch", lambda peer, **k: down_answer(peer))
    client.force_login(personas.analyst)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(COMPARE).status_code == 200
        return len(captured)

    peer_record(by=personas.admin, name="Gent", base_url="https://g.example", token=TOKEN)
    queries()  # the first page of a session warms what later pages take from the cache
    one = queries()
    for name in ("Brugge", "Leuven", "Mechelen"):
        peer_record(by=personas.admin, name=name, base_url=f"https://{name}.example", token=TOKEN)
    assert queries() == one


def test_an_administrator_records_a_city(client, personas):
    client.force_login(personas.admin)
    data = {"name": "Gent", "base_url": "https://samen.gent.example", "token": TOKEN}
    response = client.post(NEW, data)
    assert response.status_code == 302 and response["Location"] == LIST
    peer = Peer.objects.get()
    assert peer.token() == TOKEN
    page = client.get(LIST).content.decode()
    assert "samenpartner_kkkk…" in page and TOKEN not in page


def test_an_http_address_is_refused_with_the_error_summary_and_nothing_saved(client, personas):
    client.force_login(personas.admin)
    data = {"name": "Gent", "base_url": "http://samen.gent.example", "token": TOKEN}
    response = client.post(NEW, data, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in page
    assert "starting with https://" in page
    assert TOKEN not in page
    assert not Peer.objects.exists()


def test_an_administrator_changes_and_removes_a_city(client, personas, liege):
    client.force_login(personas.admin)
    url = reverse("peers:change", args=[liege.pk])
    response = client.post(url, {"name": "Luik", "base_url": liege.base_url, "token": ""})
    assert response.status_code == 302
    liege.refresh_from_db()
    assert liege.name == "Luik" and liege.token() == TOKEN
    response = client.post(reverse("peers:remove", args=[liege.pk]))
    assert response.status_code == 302
    assert not Peer.objects.exists()
