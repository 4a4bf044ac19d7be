"""Who sees an exchange and a circular, who acts on it: the two organisations it is between,
under the district rule on the city's side, and nobody else."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.exchange import access
from samen.exchange.access import (
    get_circular_for_user,
    get_exchange_for_user,
    may_open_exchange,
    may_send_circular,
    received_exchanges,
    sent_exchanges,
    visible_exchanges,
)
from tests.exchange.conftest import open_exchange
from tests.exchange.test_circular_views import send_circular

pytestmark = pytest.mark.django_db

# Who sees the federal partner's question to the city's Borgerhout side.
SEES_BORGERHOUT = {
    "admin": True,  # a member of the department
    "analyst": True,
    "coordinator": True,
    "frontline": True,
    "other_frontline": False,  # Berchem
    "prevention": True,
    "partner": True,  # the sending organisation
    "dpo": True,
}


@pytest.mark.parametrize(("name", "sees"), SEES_BORGERHOUT.items())
def test_an_exchange_is_seen_by_its_two_sides_under_the_district_rule(
    name, sees, personas, to_borgerhout
):
    person = getattr(personas, name)
    assert visible_exchanges(person).filter(pk=to_borgerhout.pk).exists() is sees
    if not sees:
        with pytest.raises(Http404):
            get_exchange_for_user(person, to_borgerhout.pk)


def test_partners_of_other_organisations_and_outsiders_see_nothing(world, to_borgerhout):
    for person in (world.flemish_partner, world.outsider):
        assert not visible_exchanges(person).exists()
        with pytest.raises(Http404):
            get_exchange_for_user(person, to_borgerhout.pk)


def test_an_absent_exchange_answers_404_like_a_forbidden_one(personas, to_borgerhout):
    with pytest.raises(Http404):
        get_exchange_for_user(personas.analyst, to_borgerhout.pk + 100)


def test_district_staff_do_not_see_the_city_wide_side(world, personas):
    city_wide = open_exchange(
        world.federal_partner, sender=world.federal, receiver=world.department
    )
    assert visible_exchanges(personas.analyst).filter(pk=city_wide.pk).exists()
    assert visible_exchanges(personas.admin).filter(pk=city_wide.pk).exists()
    for person in (personas.coordinator, personas.frontline, personas.other_frontline):
        assert not visible_exchanges(person).filter(pk=city_wide.pk).exists()


def test_analysts_see_every_exchange_of_the_city_members_or_not(world, personas):
    exchange = open_exchange(world.federal_partner, sender=world.federal, receiver=world.department)
    personas.analyst.memberships.all().delete()
    vars(personas.analyst).pop("exchange_organisation_ids", None)
    assert visible_exchanges(personas.analyst).filter(pk=exchange.pk).exists()


def test_a_partner_who_leaves_the_organisation_no_longer_sees_it(world, to_borgerhout):
    world.federal_partner.memberships.all().delete()
    vars(world.federal_partner).pop("exchange_organisation_ids", None)
    with pytest.raises(Http404):
        get_exchange_for_user(world.federal_partner, to_borgerhout.pk)


def test_inbox_and_sent_follow_the_side(world, personas, to_borgerhout):
    assert list(received_exchanges(personas.coordinator)) == [to_borgerhout]
    assert not sent_exchanges(personas.coordinator).exists()
    assert list(sent_exchanges(world.federal_partner)) == [to_borgerhout]
    assert not received_exchanges(world.federal_partner).exists()


def test_the_receiving_side_answers_and_the_sending_side_withdraws(world, personas, to_borgerhout):
    receiver = get_exchange_for_user(personas.coordinator, to_borgerhout.pk)
    assert receiver.is_receiver and receiver.may_reply and not receiver.may_withdraw
    sender = get_exchange_for_user(world.federal_partner, to_borgerhout.pk)
    assert sender.is_sender and sender.may_withdraw and not sender.may_reply
    # Seeing is not acting: frontline workers and the data-protection officer only read.
    for person in (personas.frontline, personas.dpo, personas.admin):
        reader = get_exchange_for_user(person, to_borgerhout.pk)
        assert not (reader.may_reply or reader.may_write or reader.may_close)


def test_reader_of_refuses_a_person_on_neither_side(world, to_borgerhout):
    with pytest.raises(PermissionDenied):
        access.reader_of(world.outsider, to_borgerhout)


def test_who_may_open_an_exchange(world, personas):
    assert may_open_exchange(personas.analyst)
    assert may_open_exchange(personas.coordinator)
    assert may_open_exchange(world.federal_partner)
    for person in (
        personas.frontline,
        personas.prevention,
        personas.dpo,
        personas.admin,
        world.outsider,  # a civil-society organisation is no other policy level
    ):
        assert not may_open_exchange(person)


def test_who_may_send_a_circular(world, personas):
    assert may_send_circular(world.federal_partner)
    assert may_send_circular(world.flemish_partner)
    assert may_send_circular(personas.analyst)  # on behalf of a partner
    assert may_send_circular(personas.admin)
    for person in (personas.coordinator, personas.frontline, personas.dpo, world.outsider):
        assert not may_send_circular(person)


def test_a_circular_is_seen_by_its_recipients_and_its_sender_side(world, personas):
    circular = send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    coordinator = get_circular_for_user(personas.coordinator, circular.pk)
    assert coordinator.receipt is not None and not coordinator.is_sender_side
    assert get_circular_for_user(world.flemish_partner, circular.pk).is_sender_side
    for person in (personas.other_frontline, personas.dpo, world.federal_partner, world.outsider):
        with pytest.raises(Http404):
            get_circular_for_user(person, circular.pk)
