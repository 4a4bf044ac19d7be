"""Writes to staff accounts and organisations, each with its audit record."""

from __future__ import annotations

import datetime

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.actions import action
from samen.people.models import Organisation, OrganisationMembership, Team, User
from samen.people.roles import ELEVATED_ROLES, Role
from samen.people.second_factor_keys import cipher
from samen.people.welcome import send_welcome_link


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


def _grant_role(member: User, *, by, role: str) -> None:
    """Record who granted `role` and when; for an elevated role the grant is its first
    confirmation, and the clock of its re-confirmation starts."""
    if role in ELEVATED_ROLES and by is not None and by.pk == member.pk:
        raise ValidationError(_("Nobody can give themselves an elevated role."))
    member.role = role
    member.is_staff = role == Role.ADMINISTRATOR
    member.is_superuser = False
    now = timezone.now()
    member.role_granted_by = member.role_confirmed_by = by
    member.role_granted_at = member.role_confirmed_at = now
    member.role_lapse_recorded_at = None


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
    organisation: Organisation | None = None,
    since: datetime.date | None = None,
    welcome_url: str | None = None,
) -> User:
    """Create an account without a password; with `welcome_url` (the site's address) the
    person is mailed a one-time link to set their own, once the creation commits."""
    member = User(
        email=User.objects.normalize_email(email).lower(),
        full_name=full_name,
        home_district=home_district,
        team=team,
        job_title=job_title,
        phone=phone,
    )
    _grant_role(member, by=by, role=role)
    member.set_unusable_password()
    member.full_clean()
    member.save()
    if organisation is not None:
        OrganisationMembership.objects.create(user=member, organisation=organisation, since=since)
    if welcome_url is not None:
        welcome_link_send(by=by, member=member, base_url=welcome_url)
    return member


@action
def staff_member_change_role(*, by, member: User, role: str, home_district=None) -> User:
    _grant_role(member, by=by, role=role)
    member.home_district = home_district
    member.full_clean()
    member.save()
    return member


@action
def staff_member_update(*, by, member: User) -> User:
    """Save an administrator's changes to an account; a changed role is a new grant."""
    stored = User.objects.select_for_update().get(pk=member.pk)
    if stored.role != member.role:
        _grant_role(member, by=by, role=member.role)
    else:
        for field in (
            "role_granted_by",
            "role_granted_at",
            "role_confirmed_by",
            "role_confirmed_at",
            "role_lapse_recorded_at",
            "is_staff",
            "is_superuser",
            "password",
        ):
            setattr(member, field, getattr(stored, field))
    member.full_clean()
    member.save()
    return member


@action
def staff_member_reconfirm_role(*, by, member: User) -> User:
    """Re-confirm `member`'s elevated role for another SAMEN_ROLE_RECERTIFY_MONTHS.

    Only an administrator whose own role stands may do it, and never for themselves: a
    role that nobody else vouches for lapses by itself.
    """
    if by is not None and by.pk == member.pk:
        raise ValidationError(_("Nobody can re-confirm their own role."))
    if by is None or by.role != Role.ADMINISTRATOR or by.role_lapsed:
        raise ValidationError(_("Only an administrator can re-confirm a role."))
    if not member.role_is_elevated:
        raise ValidationError(_("This role needs no re-confirmation."))
    member.role_confirmed_by = by
    member.role_confirmed_at = timezone.now()
    member.role_lapse_recorded_at = None
    member.save(update_fields=["role_confirmed_by", "role_confirmed_at", "role_lapse_recorded_at"])
    return member


@action
def role_lapses_record(*, by) -> list[User]:
    """Write one audit record per elevated role that lapsed since the last run.

    Access never waits for this: a lapsed role grants nothing from its lapse day on
    (User.role_lapsed, checked at every request). This only puts the lapse in the trail.
    """
    candidates = User.objects.filter(
        role__in=ELEVATED_ROLES, role_lapse_recorded_at__isnull=True
    ).select_for_update()
    now = timezone.now()
    lapsed = [member for member in candidates if member.role_lapsed]
    for member in lapsed:
        member.role_lapse_recorded_at = now
        member.save(update_fields=["role_lapse_recorded_at"])
    return lapsed


@action
def welcome_link_send(*, by, member: User, base_url: str) -> User:
    """Mail `member` a one-time link to set their own password, after the transaction commits."""
    if not member.is_active:
        raise ValidationError(_("This account is closed."))
    member.welcome_sent_at = timezone.now()
    member.save(update_fields=["welcome_sent_at"])
    transaction.on_commit(lambda: send_welcome_link(member, base_url=base_url))
    return member


@action
def own_password_set(*, by, member: User, password: str) -> User:
    """Set `member`'s password as they chose it through their own link (`by` is `member`).

    Django's password validators decide first; a refused password changes nothing.
    """
    if by is None or by.pk != member.pk:
        raise ValidationError(_("Only the person themselves sets their password."))
    password_validation.validate_password(password, member)
    member.set_password(password)
    member.save(update_fields=["password"])
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
