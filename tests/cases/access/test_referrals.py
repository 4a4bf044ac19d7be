"""Who refers a person to the consultation and who reads referrals: the mayor's side only."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from samen.audit.models import AuditRecord
from samen.cases.access import SecondFactorRequiredError
from samen.cases.access.referrals import (
    check_may_refer,
    get_referral_for_controller,
    known_person_hint,
    may_refer,
    referrals_visible_to,
)
from samen.cases.actions.cases import referral_submit
from samen.cases.models import Referral
from samen.people.actions import staff_member_deactivate

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
        path="/cases/referrals/",
    )


def refer(by, name: str = "Jan Peeters") -> Referral:
    return referral_submit(
        by=by, name=name, reason="Zorgen over contacten.", extremism_type="islamist"
    )


def test_partners_prevention_officers_and_the_table_may_refer(table, personas):
    for person in (personas.partner, personas.prevention, table.mayor, table.police):
        assert may_refer(person)
        check_may_refer(person)


def test_other_roles_and_the_deactivated_may_not_refer(table, personas):
    staff_member_deactivate(by=personas.admin, member=table.other_member)
    table.other_member.refresh_from_db()
    for person in (personas.analyst, personas.frontline, personas.dpo, table.other_member):
        assert not may_refer(person)
        with pytest.raises(Http404):
            check_may_refer(person)


def test_only_the_mayor_reads_referrals_not_the_one_who_referred(table, personas):
    referral = refer(personas.partner)
    assert list(referrals_visible_to(table.mayor)) == [referral]
    for person in (personas.partner, table.police, table.prevention, personas.admin):
        assert not referrals_visible_to(person).exists()


def test_the_mayor_reads_a_referral_with_the_read_recorded(table, personas):
    referral = refer(personas.partner)
    found = get_referral_for_controller(request_for(table.mayor), referral.pk)
    assert found == referral
    reads = AuditRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Referral),
        object_pk=str(referral.pk),
        action=AuditRecord.Action.ACCESS,
    )
    assert reads.count() == 1 and reads.get().actor == table.mayor


def test_a_referral_is_the_same_404_when_absent_forbidden_or_malformed(table, personas):
    referral = refer(personas.partner)
    for person, pk in (
        (table.mayor, 999_999),
        (table.mayor, "not-a-number"),
        (table.police, referral.pk),
        (personas.partner, referral.pk),
    ):
        with pytest.raises(Http404):
            get_referral_for_controller(request_for(person), pk)


def test_the_mayor_needs_a_second_factor_to_read(table, personas):
    referral = refer(personas.partner)
    with pytest.raises(SecondFactorRequiredError):
        get_referral_for_controller(request_for(table.mayor, second_factor=False), referral.pk)


def test_a_known_person_is_hinted_whatever_the_order_of_the_names(table, personas):
    known = refer(personas.partner, name="Peeters Jan")
    stranger = refer(personas.partner, name="Els Wouters")
    assert list(known_person_hint(known)) == [table.case]
    assert not known_person_hint(stranger).exists()
