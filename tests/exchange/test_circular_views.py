"""The circular pages: every person's answer on every address, reading it, the read list for
the sender's side only, and sending one."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.exchange import actions as act
from samen.exchange.models import Circular, CircularRecipient
from samen.people.roles import Role
from tests.conftest import get_as, without_tokens
from tests.exchange.conftest import audited

pytestmark = pytest.mark.django_db


def same_page(forbidden, absent, forbidden_url: str, absent_url: str) -> bool:
    """Whether a forbidden record's 404 reads exactly like an absent one's."""
    page = forbidden.content.replace(forbidden_url.encode(), b"/ID/")
    return without_tokens(page) == without_tokens(
        absent.content.replace(absent_url.encode(), b"/ID/")
    )


def send_circular(by, organisation, districts, **extra) -> Circular:
    fields = act.CircularFields(
        kind=extra.pop("kind", Circular.Kind.CIRCULAR),
        title=extra.pop("title", "Nieuwe richtlijn informatiedeling"),
        body=extra.pop(
            "body", "De richtlijn geldt vanaf volgende maand voor alle lokale netwerken."
        ),
        sender_organisation=organisation,
        districts=districts,
        read_reminder_hours=extra.pop("read_reminder_hours", 24),
        **extra,
    )
    return act.circular_send(by=by, fields=fields)


@pytest.fixture
def circular(world, personas) -> Circular:
    return send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])


def _everyone(personas, world):
    return {**personas.all(), "flemish_partner": world.flemish_partner, "outsider": world.outsider}


# Borgerhout's coordinator and frontline worker receive it; the Flemish partner sent it.
CIRCULAR_STATUS = {
    "admin": 404,
    "analyst": 404,
    "coordinator": 200,
    "frontline": 200,
    "other_frontline": 404,
    "prevention": 404,
    "partner": 404,
    "dpo": 404,
    "flemish_partner": 200,
    "outsider": 404,
}


def test_the_circular_page_for_every_person(client, personas, world, circular):
    url = reverse("exchange:circular", args=[circular.pk])
    absent = reverse("exchange:circular", args=[circular.pk + 100])
    for name, person in _everyone(personas, world).items():
        response = get_as(client, person, url)
        assert response.status_code == CIRCULAR_STATUS[name], name
        if CIRCULAR_STATUS[name] == 404:
            assert same_page(response, get_as(client, person, absent), url, absent), name
    assert get_as(client, None, url).status_code == 302


def test_marking_read_for_every_person(client, personas, world, circular):
    url = reverse("exchange:circular_read", args=[circular.pk])
    expected = {**CIRCULAR_STATUS, "flemish_partner": 403}  # sent it, received nothing
    for name, person in _everyone(personas, world).items():
        client.logout()
        client.force_login(person)
        status = client.post(url).status_code
        assert status == (302 if expected[name] == 200 else expected[name]), name
    client.logout()
    assert client.post(url).status_code == 302
    assert CircularRecipient.objects.filter(circular=circular, read_at__isnull=False).count() == 2


def test_the_list_and_the_form_for_every_person(client, personas, world):
    may_send = {"admin", "analyst", "partner", "flemish_partner"}
    for name, person in _everyone(personas, world).items():
        assert get_as(client, person, reverse("exchange:circulars")).status_code == 200
        status = get_as(client, person, reverse("exchange:circular_new")).status_code
        assert status == (200 if name in may_send else 403), name
    assert get_as(client, None, reverse("exchange:circulars")).status_code == 302


def test_a_recipient_reads_it_and_the_sender_sees_who_has(client, personas, world, circular):
    client.force_login(personas.coordinator)
    page = client.get(reverse("exchange:circular", args=[circular.pk])).content.decode()
    assert "Mark as read" in page and "Who has read it" not in page
    client.post(reverse("exchange:circular_read", args=[circular.pk]))
    receipt = CircularRecipient.objects.get(circular=circular, person=personas.coordinator)
    assert receipt.read_at is not None
    assert audited(receipt, personas.coordinator, action=1)
    client.force_login(world.flemish_partner)
    page = client.get(reverse("exchange:circular", args=[circular.pk])).content.decode()
    assert "1 of 2 recipients has read it." in page
    assert personas.frontline.full_name in page.split("Not read yet")[1]


def test_after_the_chosen_time_the_sender_sees_who_has_not_read_it(
    client, personas, world, circular
):
    client.force_login(world.flemish_partner)
    url = reverse("exchange:circular", args=[circular.pk])
    assert "Not read after 24 hours" not in client.get(url).content.decode()
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=25)):
        earlier = send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    page = client.get(reverse("exchange:circular", args=[earlier.pk])).content.decode()
    assert personas.coordinator.full_name in page.split("Not read after 24 hours")[1]


def test_a_partner_sends_a_circular_from_the_form(client, personas, world):
    client.force_login(world.flemish_partner)
    response = client.post(
        reverse("exchange:circular_new"),
        {
            "kind": "alert",
            "sender_organisation": world.flemish.pk,
            "title": "Dreigingsniveau aangepast",
            "body": "Het nationale dreigingsniveau is aangepast.",
            "threat_level": "3",
            "districts": [personas.borgerhout.pk, personas.berchem.pk],
            "roles": [Role.DISTRICT_COORDINATOR],
            "read_reminder_hours": "48",
        },
    )
    circular = Circular.objects.get()
    assert response.status_code == 302
    assert circular.threat_level == 3 and circular.kind == "alert"
    assert set(circular.recipients.values_list("person__email", flat=True)) == {
        personas.coordinator.email
    }
    assert audited(circular, world.flemish_partner)


def test_a_refused_circular_shows_why_and_sends_nothing(client, world):
    client.force_login(world.flemish_partner)
    response = client.post(
        reverse("exchange:circular_new"),
        {
            "kind": "circular",
            "sender_organisation": world.flemish.pk,
            "title": "Contact",
            "body": "Bel 0470 12 34 56 voor meer uitleg.",
            "roles": [Role.DISTRICT_COORDINATOR],
            "read_reminder_hours": "48",
        },
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not Circular.objects.exists()


def test_the_circular_list_query_count_does_not_grow_with_rows(client, personas, world):
    client.force_login(personas.coordinator)
    send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    client.get(reverse("exchange:circulars"))  # the session's first request asks more
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("exchange:circulars"))
    for _ in range(4):
        send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    with CaptureQueriesContext(connection) as five:
        page = client.get(reverse("exchange:circulars")).content.decode()
    assert page.count("Nieuwe richtlijn informatiedeling") == 5
    assert len(five) == len(one)
