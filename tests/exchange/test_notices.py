"""Who is notified of what: the side that answers, the side that asked, each recipient of a
circular, both sides of an overdue exchange; never anyone who may not open it."""

from __future__ import annotations

import pytest

from samen.exchange import actions as act
from samen.exchange.notices import ANSWERED, CIRCULAR, WAITING, people_on_side
from samen.notifications.models import Notification
from tests.exchange.conftest import open_exchange
from tests.exchange.test_circular_views import send_circular

pytestmark = pytest.mark.django_db


def notified(kind) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_a_new_exchange_notifies_those_who_answer_it(personas, world, to_borgerhout):
    assert notified(WAITING) == {personas.analyst.email, personas.coordinator.email}
    note = Notification.objects.filter(kind=WAITING).first()
    assert note.url == f"/exchange/{to_borgerhout.pk}/"


def test_the_answer_notifies_the_side_that_asked(personas, world, to_borgerhout):
    act.exchange_reply(by=personas.coordinator, exchange=to_borgerhout, body="Antwoord.")
    assert notified(ANSWERED) == {world.federal_partner.email}


def test_a_city_question_notifies_the_partner_organisation_only(personas, world):
    open_exchange(personas.analyst, sender=world.department, receiver=world.flemish)
    assert notified(WAITING) == {world.flemish_partner.email}


def test_a_circular_notifies_each_recipient(personas, world):
    send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    assert notified(CIRCULAR) == {personas.coordinator.email, personas.frontline.email}


def test_the_people_on_a_side_follow_the_district_rule(personas, world):
    borgerhout = set(people_on_side(world.department, personas.borgerhout.pk))
    assert borgerhout == {personas.analyst, personas.coordinator}
    assert set(people_on_side(world.department, None)) == {personas.analyst}
    assert set(people_on_side(world.federal, None)) == {world.federal_partner}
