"""Writes to staff accounts and organisations, each with its audit record."""

from __future__ import annotations

import datetime

from samen.core.actions import action
from samen.people.models import Organisation, OrganisationMembership, Team, User
from samen.people.roles import Role


@action
def organisation_create(
    *, by, name: str, policy_level: str, sector: str = Organisation.Sector.OTHER, district=None
) -> Organisation:
    organisation = Organisation(
        name=name, policy_level=policy_level, sector=sector, district=district
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@action
def team_create(*, by, name: str, district=None) -> Team:
    team = Team(name=name, district=district)
    team.full_clean()
    team.save()
    return team


@action
def staff_member_create(
    *,
    by,
    email: str,
    full_name: str,
    role: str,
    home_district=None,
    team: Team | None = None,
    job_title: str = "",
    phone: str = "",
    password: str | None = None,
    organisation: Organisation | None = None,
    since: datetime.date | None = None,
) -> User:
    """Create an account; without a password it can only be entered after a reset by e-mail."""
    member = User(
        email=User.objects.normalize_email(email).lower(),
        full_name=full_name,
        role=role,
        home_district=home_district,
        team=team,
        job_title=job_title,
        phone=phone,
        is_staff=role == Role.ADMINISTRATOR,
        is_superuser=role == Role.ADMINISTRATOR,
    )
    member.set_password(password) if password else member.set_unusable_password()
    member.full_clean()
    member.save()
    if organisation is not None:
        OrganisationMembership.objects.create(user=member, organisation=organisation, since=since)
    return member


@action
def staff_member_change_role(*, by, member: User, role: str, home_district=None) -> User:
    member.role = role
    member.home_district = home_district
    member.is_staff = member.is_superuser = role == Role.ADMINISTRATOR
    member.full_clean()
    member.save()
    return member


@action
def staff_member_deactivate(*, by, member: User) -> User:
    """Close an account; its audit trail stays attached, so it is never deleted."""
    member.is_active = False
    member.save()
    return member


@action
def second_factor_reset(*, by, member: User) -> int:
    """Remove a person's second factor (app and recovery codes) after a lost phone.

    Only for operators with access to the servers (the `reset-second-factor` command), who
    could do anything anyway: administrators in the web interface never can, or one could
    take over an account at the case consultation. The person sets up a new app at their
    next sign-in; the removal is in the audit trail.
    """
    from allauth.mfa.models import Authenticator

    deleted, _ = Authenticator.objects.filter(user=member).delete()
    return deleted


@action
def second_factor_keys_rotate(*, by) -> int:
    """Re-encrypt every stored second-factor secret with the newest key in SAMEN_MFA_KEYS."""
    from allauth.mfa.models import Authenticator

    from samen.people.second_factor_keys import cipher

    rotated = 0
    for authenticator in Authenticator.objects.select_for_update():
        data = dict(authenticator.data)
        for field in ("secret", "seed"):
            if field in data:
                data[field] = cipher().rotate(data[field].encode()).decode()
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])
            rotated += 1
    return rotated
