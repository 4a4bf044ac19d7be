"""Who reads the consultation's counts, and who exports what is held about a person."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.http import Http404

from samen.cases.access import SecondFactorRequiredError
from samen.cases.access.reports import (
    check_data_protection_officer,
    check_may_read_statistics,
    may_read_statistics,
)

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
        path="/cases/export/",
    )


def test_the_core_and_policy_analysts_read_the_counts(table, personas):
    for person in (table.mayor, table.police, table.prevention, personas.analyst):
        assert may_read_statistics(person)
        check_may_read_statistics(person)


def test_invited_professionals_and_other_roles_do_not(table, personas):
    for person in (table.invited, table.other_member, personas.frontline, personas.admin):
        assert not may_read_statistics(person)
        with pytest.raises(Http404):
            check_may_read_statistics(person)


def test_the_person_export_is_for_the_data_protection_officer_with_a_second_factor(personas):
    check_data_protection_officer(request_for(personas.dpo))
    with pytest.raises(SecondFactorRequiredError):
        check_data_protection_officer(request_for(personas.dpo, second_factor=False))


def test_everyone_else_gets_a_404_for_the_person_export(table, personas):
    for person in (table.mayor, personas.admin, personas.analyst, personas.partner):
        with pytest.raises(Http404):
            check_data_protection_officer(request_for(person))
