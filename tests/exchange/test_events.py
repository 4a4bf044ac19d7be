"""Partners' systems hear that an exchange arrived for their organisation and that one they
sent was answered: once, to that side only, with no message in the event."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samen.api.actions import webhook_subscription_create
from samen.api.models import WebhookDelivery
from samen.api.scopes import EXCHANGES_WRITE
from samen.exchange import actions as act
from samen.exchange.events import ANSWERED, RECEIVED
from samen.people.roles import Role
from tests.api.conftest import issue
from tests.conftest import make_person
from tests.exchange.conftest import open_exchange

pytestmark = pytest.mark.django_db


def subscribe(personas, organisation, kind):
    # The administrator persona belongs to the department (world): an administrator from
    # outside it grants the department's subscription (nobody grants their own organisation).
    admin = personas.admin
    if organisation.memberships.filter(user=admin).exists():
        admin = make_person(Role.ADMINISTRATOR, "beheer2@samen.test")
    subscription, _secret = webhook_subscription_create(
        by=admin, organisation=organisation, kind=kind, url="https://partner.example/h"
    )
    return subscription


def delivered(kind) -> list[WebhookDelivery]:
    return list(WebhookDelivery.objects.filter(kind=kind).select_related("subscription"))


def test_the_receiving_organisations_system_hears_of_a_new_exchange(world, personas):
    federal = subscribe(personas, world.federal, RECEIVED)
    subscribe(personas, world.flemish, RECEIVED)  # not a side: hears nothing
    exchange = open_exchange(
        personas.coordinator,
        sender=world.department,
        receiver=world.federal,
        body="Hoe verloopt de opvolging van de omzendbrief?",
    )
    (delivery,) = delivered(RECEIVED)
    assert delivery.subscription == federal
    payload = delivery.payload
    assert payload["exchange"] == exchange.pk and payload["status"] == "open"
    assert payload["url"].endswith(f"/api/exchange/exchanges/{exchange.pk}/")
    # The message stays in Samen: the system fetches it with its own token.
    assert "omzendbrief" not in str(payload)


def test_the_sending_organisations_system_hears_of_the_answer_once(world, personas):
    subscribe(personas, world.federal, ANSWERED)
    subscribe(personas, world.department, ANSWERED)  # the answering side: hears nothing
    exchange = open_exchange(
        world.federal_partner,
        sender=world.federal,
        receiver=world.department,
        to_district=personas.borgerhout,
    )
    act.exchange_reply(by=personas.coordinator, exchange=exchange, body="De cijfers volgen.")
    act.exchange_message(by=world.federal_partner, exchange=exchange, body="Dank u.")
    (delivery,) = delivered(ANSWERED)
    assert delivery.subscription.organisation == world.federal
    assert delivery.payload["status"] == "answered" and delivery.payload["answered_at"]
    assert "cijfers volgen" not in str(delivery.payload)


def test_the_citys_system_hears_of_what_a_partners_system_opened(world, personas):
    subscribe(personas, world.department, RECEIVED)
    token, _key = issue(personas, world.federal, scopes=[EXCHANGES_WRITE])
    fields = act.ExchangeFields(
        kind="request",
        subject="Stand van zaken",
        from_organisation=world.federal,
        to_organisation=world.department,
        to_district=personas.borgerhout,
        body="Een vraag van de federale dienst.",
    )
    exchange = act.exchange_open(by=None, fields=fields, token=token)
    (delivery,) = delivered(RECEIVED)
    assert delivery.subscription.organisation == world.department
    assert delivery.payload["from_organisation"] == world.federal.name
    assert delivery.payload["exchange"] == exchange.pk


def test_a_refused_answer_publishes_nothing(world, personas):
    subscribe(personas, world.federal, ANSWERED)
    exchange = open_exchange(
        world.federal_partner,
        sender=world.federal,
        receiver=world.department,
        to_district=personas.borgerhout,
    )
    with pytest.raises(ValidationError):
        act.exchange_reply(by=personas.coordinator, exchange=exchange, body="")
    assert delivered(ANSWERED) == []
