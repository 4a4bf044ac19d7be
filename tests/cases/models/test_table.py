"""The grants of the table: confirmation that holds for a period, what a core seat needs to
open the case list, and the rules the models themselves keep."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from samen.cases.models import Clearance, ConsultationCycle, CoreSeat, Delegation
from samen.places.models import Place
from tests.cases.conftest import confirmed_fields

TODAY = datetime.date(2026, 6, 15)


def seat(**overrides) -> CoreSeat:
    values = {
        "kind": CoreSeat.Kind.PREVENTION_OFFICIAL,
        **confirmed_fields(),
        "confirmed_until": TODAY + datetime.timedelta(days=30),
    }
    values.update(overrides)
    return CoreSeat(**values)


def test_a_confirmation_holds_until_its_last_day():
    grant = seat()
    assert grant.is_confirmed_on(TODAY + datetime.timedelta(days=30))
    assert not grant.is_confirmed_on(TODAY + datetime.timedelta(days=31))
    assert not seat(confirmed_at=None).is_confirmed_on(TODAY)
    assert not seat(confirmed_until=None).is_confirmed_on(TODAY)


def test_a_seat_grants_access_while_active_and_confirmed():
    assert seat().grants_access(TODAY)
    assert not seat(is_active=False).grants_access(TODAY)
    assert not seat(confirmed_at=None).grants_access(TODAY)


def test_the_police_seat_needs_a_secret_clearance_that_has_not_expired():
    police = {"kind": CoreSeat.Kind.POLICE, "clearance_expires_on": TODAY}
    assert seat(**police, clearance=Clearance.SECRET).grants_access(TODAY)
    assert seat(**police, clearance=Clearance.TOP_SECRET).grants_access(TODAY)
    assert not seat(**police, clearance=Clearance.CONFIDENTIAL).grants_access(TODAY)
    assert not seat(**police, clearance=Clearance.SECRET).grants_access(
        TODAY + datetime.timedelta(days=1)
    )
    assert not seat(kind=CoreSeat.Kind.POLICE, clearance=Clearance.SECRET).grants_access(TODAY)


def test_clearance_levels_compare_as_numbers():
    assert Clearance.NONE < Clearance.CONFIDENTIAL < Clearance.SECRET < Clearance.TOP_SECRET


@pytest.mark.django_db
def test_a_seat_refuses_an_administrator_and_a_police_seat_without_clearance(personas):
    city = Place.objects.get(code="11002", kind=Place.Kind.CITY)
    with pytest.raises(ValidationError) as refused:
        seat(user=personas.admin, city=city).full_clean()
    assert "user" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        seat(user=personas.partner, city=city, kind=CoreSeat.Kind.POLICE).full_clean()
    assert "clearance" in refused.value.message_dict
    seat(user=personas.prevention, city=city).full_clean()  # a sound seat passes


@pytest.mark.django_db
def test_a_grant_names_its_holder(table):
    mayors_seat = CoreSeat.objects.get(user=table.mayor)
    assert mayors_seat.holder == table.mayor
    assert str(mayors_seat) == f"mayor: {table.mayor}"
    delegation = Delegation(
        mayor=table.mayor, delegate=table.prevention, starts_on=TODAY, ends_on=TODAY
    )
    assert delegation.holder == table.prevention
    assert str(delegation) == f"{table.prevention} (2026-06-15 – 2026-06-15)"


@pytest.mark.django_db
def test_a_cycle_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        ConsultationCycle.objects.create(
            title="Achterstevoren", starts_on=TODAY, ends_on=TODAY - datetime.timedelta(days=1)
        )


@pytest.mark.django_db
def test_cycles_are_listed_newest_first_and_named_by_title():
    for title, month in (("Voorjaar", 3), ("Najaar", 9), ("Zomer", 6)):
        start = datetime.date(2026, month, 1)
        ConsultationCycle.objects.create(title=title, starts_on=start, ends_on=start)
    assert [str(c) for c in ConsultationCycle.objects.all()] == ["Najaar", "Zomer", "Voorjaar"]
