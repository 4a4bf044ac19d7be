"""The home panel: exchanges waiting for my organisation's answer, overdue ones on both sides,
and unread circulars; the navigation entry."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.exchange import actions as act
from samen.exchange.models import Exchange
from tests.exchange.test_circular_views import send_circular

pytestmark = pytest.mark.django_db


def home(client, person) -> str:
    client.force_login(person)
    return client.get(reverse("home")).content.decode()


def test_the_receiving_side_sees_what_waits_for_its_answer(client, personas, world, to_borgerhout):
    page = home(client, personas.coordinator)
    assert "Waiting for your organisation's answer" in page
    assert reverse("exchange:exchange", args=[to_borgerhout.pk]) in page
    assert to_borgerhout.subject not in home(client, personas.other_frontline)


def test_overdue_answers_show_on_both_sides(client, personas, world, to_borgerhout):
    Exchange.objects.filter(pk=to_borgerhout.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=2)
    )
    assert "overdue" in home(client, personas.coordinator)
    sender = home(client, world.federal_partner)
    assert "Your questions past their answer date" in sender and "overdue" in sender


def test_an_answered_exchange_leaves_the_panel(client, personas, world, to_borgerhout):
    act.exchange_reply(by=personas.analyst, exchange=to_borgerhout, body="Antwoord.")
    assert "Exchanges and circulars" not in home(client, personas.coordinator)


def test_unread_circulars_show_until_read(client, personas, world):
    circular = send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    assert circular.title in home(client, personas.frontline)
    act.circular_mark_read(by=personas.frontline, circular=circular)
    assert circular.title not in home(client, personas.frontline)


def test_the_navigation_offers_the_exchanges(client, personas):
    assert reverse("exchange:inbox") in home(client, personas.frontline)
