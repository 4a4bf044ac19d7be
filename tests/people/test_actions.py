"""The writes on people and organisations (samen/people/actions.py)."""

import pytest
from django.core.exceptions import ValidationError
from faker import Faker

from samen.audit.models import AuditRecord
from samen.people.actions import (
    organisation_create,
    staff_member_change_role,
    staff_member_create,
    staff_member_deactivate,
    team_create,
)
from samen.people.models import OrganisationMembership, PolicyLevel, User
from samen.people.roles import Role

fake = Faker("nl_BE")


def test_an_organisation_and_a_team_are_created_with_their_records(personas):
    before = AuditRecord.objects.count()
    organisation = organisation_create(
        by=personas.admin, name=fake.company(), policy_level=PolicyLevel.MUNICIPAL
    )
    team = team_create(by=personas.admin, name="Team Noord", district=personas.borgerhout)
    assert organisation.pk and team.district == personas.borgerhout
    assert AuditRecord.objects.count() >= before + 2


def test_an_organisation_needs_a_known_policy_level(personas):
    with pytest.raises(ValidationError):
        organisation_create(by=personas.admin, name=fake.company(), policy_level="galactic")


def test_a_staff_member_is_created_without_a_password_and_in_an_organisation(personas):
    organisation = organisation_create(
        by=personas.admin, name=fake.company(), policy_level=PolicyLevel.FLEMISH
    )
    member = staff_member_create(
        by=personas.admin,
        email="Lotte.Janssens@Samen.Test",
        full_name=fake.name(),
        role=Role.FRONTLINE_WORKER,
        home_district=personas.berchem,
        organisation=organisation,
    )
    assert member.email == "lotte.janssens@samen.test"
    assert not member.has_usable_password()
    assert member.role_granted_by == personas.admin
    assert not member.is_staff
    assert OrganisationMembership.objects.filter(user=member, organisation=organisation).exists()


def test_nobody_gives_themselves_an_elevated_role(personas):
    with pytest.raises(ValidationError):
        staff_member_change_role(
            by=personas.analyst, member=personas.analyst, role=Role.ADMINISTRATOR
        )
    assert User.objects.get(pk=personas.analyst.pk).role == Role.POLICY_ANALYST


def test_a_role_change_records_its_grant_and_makes_administrators_staff(personas):
    member = staff_member_change_role(
        by=personas.admin, member=personas.frontline, role=Role.ADMINISTRATOR
    )
    member.refresh_from_db()
    assert member.role == Role.ADMINISTRATOR
    assert member.is_staff and not member.is_superuser
    assert member.role_confirmed_by == personas.admin
    assert member.home_district is None


def test_a_deactivated_account_is_kept(personas):
    staff_member_deactivate(by=personas.admin, member=personas.partner)
    assert User.objects.get(pk=personas.partner.pk).is_active is False
