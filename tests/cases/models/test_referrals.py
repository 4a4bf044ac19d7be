"""A referral: named by its number only, waiting for a decision until the mayor takes one,
newest first, its personal data encrypted."""

import pytest
from django.db import connection

from samen.cases.actions.cases import referral_submit
from samen.cases.models import Referral

pytestmark = pytest.mark.django_db


def refer(by, name="Sara Claes") -> Referral:
    return referral_submit(by=by, name=name, reason="Online haat.", extremism_type="left_wing")


def test_a_referral_waits_for_a_decision_and_is_named_by_number(table):
    referral = refer(table.invited)
    assert referral.status == Referral.Status.PENDING and referral.case is None
    assert str(referral) == f"#{referral.pk}"
    assert "Claes" not in str(referral)


def test_the_newest_referral_comes_first(table):
    first = refer(table.invited)
    second = refer(table.other_member, name="Tom Wouters")
    assert list(Referral.objects.all()) == [second, first]


def test_the_name_and_reason_are_not_stored_in_the_clear(table):
    referral = refer(table.invited)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, reason FROM cases_referral WHERE id = %s", [referral.pk])
        name, reason = cursor.fetchone()
    assert "Claes" not in name and "haat" not in reason
    assert Referral.objects.get(pk=referral.pk).name == "Sara Claes"
