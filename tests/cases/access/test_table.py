"""Who decides on the table's grants, and the one way to the table page and its grants."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.http import Http404
from django.utils import timezone

from samen.cases.access import SecondFactorRequiredError
from samen.cases.access import table as table_access
from samen.cases.models import CoreSeat, Invitation

pytestmark = pytest.mark.django_db


def request_for(user, *, second_factor: bool = True):
    return SimpleNamespace(
        user=user,
        auth=None,
        session={
            "account_authentication_methods": [{"method": "mfa"}] if second_factor else [],
            "account_authentication_methods_user": str(user.pk),
        },
        META={},
        method="GET",
        path="/cases/table/",
    )


def seat(kind: str) -> CoreSeat:
    return CoreSeat.objects.get(kind=kind)


def invitation(table) -> Invitation:
    return Invitation.objects.get(case=table.case, user=table.invited)


def test_only_another_data_protection_officer_confirms_the_mayors_seat(table, personas):
    mayor_seat = seat(CoreSeat.Kind.MAYOR)
    assert table_access.is_mayor_seat(mayor_seat)
    assert table_access.may_confirm(personas.dpo, mayor_seat)
    for person in (table.mayor, table.prevention, personas.admin):
        assert not table_access.may_confirm(person, mayor_seat)
    mayor_seat.proposed_by_id = personas.dpo.pk
    assert not table_access.may_confirm(personas.dpo, mayor_seat)


def test_a_grant_is_confirmed_by_the_mayor_never_by_its_holder(table, personas):
    granted = invitation(table)  # proposed by the prevention official
    assert table_access.may_confirm(table.mayor, granted)
    for person in (table.invited, table.prevention, table.police, personas.dpo):
        assert not table_access.may_confirm(person, granted)
    granted.proposed_by_id = table.mayor.pk  # the mayor's own proposal is the decision
    assert table_access.may_confirm(table.mayor, granted)
    assert not table_access.may_confirm(table.police, seat(CoreSeat.Kind.POLICE))


def test_ending_takes_access_away_so_more_people_may(table, personas):
    granted = invitation(table)
    assert table_access.may_end(table.prevention, granted)  # any core member, an invitation
    assert table_access.may_end(table.mayor, granted)
    assert not table_access.may_end(table.invited, granted)
    police_seat = seat(CoreSeat.Kind.POLICE)
    assert table_access.may_end(table.mayor, police_seat)
    assert not table_access.may_end(table.prevention, police_seat)
    mayor_seat = seat(CoreSeat.Kind.MAYOR)
    assert table_access.may_end(personas.dpo, mayor_seat)
    assert not table_access.may_end(table.mayor, mayor_seat)


def test_the_table_page_is_for_the_mayor_and_the_data_protection_officer(table, personas):
    assert table_access.get_table_for_reader(request_for(table.mayor)).controls
    reader = table_access.get_table_for_reader(request_for(personas.dpo))
    assert reader.dpo and not reader.controls
    assert list(reader.grants(CoreSeat)) == [seat(CoreSeat.Kind.MAYOR)]
    assert not reader.grants(Invitation).exists()
    for person in (table.police, table.prevention, table.invited, personas.admin):
        with pytest.raises(Http404):
            table_access.get_table_for_reader(request_for(person))
    with pytest.raises(SecondFactorRequiredError):
        table_access.get_table_for_reader(request_for(personas.dpo, second_factor=False))


def test_a_grant_is_the_same_404_when_unknown_hidden_or_malformed(table, personas):
    granted = invitation(table)
    found = table_access.get_grant_for_decider(request_for(table.mayor), "invitation", granted.pk)
    assert found == granted
    police_seat = seat(CoreSeat.Kind.POLICE)
    for person, kind, pk in (
        (table.mayor, "badge", granted.pk),
        (table.mayor, "invitation", "x"),
        (table.mayor, "delegation", 999_999),
        (personas.dpo, "seat", police_seat.pk),
        (personas.dpo, "invitation", granted.pk),
    ):
        with pytest.raises(Http404):
            table_access.get_grant_for_decider(request_for(person), kind, pk)


def test_pending_grants_are_unconfirmed_and_in_force(table):
    today = timezone.localdate()
    granted = invitation(table)
    assert not table_access.pending(Invitation, today).exists()
    Invitation.objects.filter(pk=granted.pk).update(confirmed_at=None)
    assert list(table_access.pending(Invitation, today)) == [granted]
    later = granted.ends_on + datetime.timedelta(days=1)
    assert not table_access.pending(Invitation, later).exists()


def test_grants_are_due_for_recertification_within_the_warning_days(table):
    today = timezone.localdate()
    granted = invitation(table)
    soon = today + datetime.timedelta(days=table_access.WARNING_DAYS - 1)
    Invitation.objects.filter(pk=granted.pk).update(confirmed_until=soon)
    assert list(table_access.due_for_recertification(Invitation, today)) == [granted]
    Invitation.objects.filter(pk=granted.pk).update(confirmed_until=granted.ends_on)
    assert not table_access.due_for_recertification(Invitation, today).exists()
