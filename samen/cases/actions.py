"""Every write to the case consultation, each a named action with its audit records.

Each action checks who acts and validates everything before its first write, so a refusal
changes nothing. Only the mayor and their delegates open, close and remove cases and decide
on referrals (access.controls_case_list); the core invites and corrects.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import access, crypto
from samen.cases.models import (
    Acknowledgement,
    Case,
    CasePerson,
    ConsultationCycle,
    CoreSeat,
    Delegation,
    ExtremismType,
    Invitation,
    Meeting,
    Referral,
    age_band_on,
)
from samen.cases.retention import retain_until_for
from samen.cases.validation import check_identity, check_text, require
from samen.core.actions import action
from samen.places.models import Place

# The version of the confidentiality rules a member acknowledges (docs/cases.md).
RULES_VERSION = "2026-1"


# --- The table ---------------------------------------------------------------------------------


@action
def seat_assign(
    *,
    by,
    kind: str,
    user,
    clearance: int = 0,
    clearance_expires_on: datetime.date | None = None,
) -> CoreSeat:
    """Give `user` a core seat for this city (configuration, done by an administrator)."""
    seat = CoreSeat(
        kind=kind,
        user=user,
        city=Place.objects.get(code=settings.SAMEN_CITY_CODE, kind=Place.Kind.CITY),
        clearance=clearance,
        clearance_expires_on=clearance_expires_on,
    )
    return _store_seat(seat)


@action
def seat_save(*, by, seat: CoreSeat) -> CoreSeat:
    """Record a seat made or changed in the administration pages (configuration)."""
    return _store_seat(seat)


def _store_seat(seat: CoreSeat) -> CoreSeat:
    before = CoreSeat.objects.filter(pk=seat.pk).select_related("user").first() if seat.pk else None
    seat.full_clean()
    seat.save()
    # Whoever held or now holds the seat: their case role changed with it.
    access.forget(seat.user)
    if before is not None and before.user_id != seat.user_id:
        access.forget(before.user)
    return seat


@action
def delegation_grant(
    *, by, delegate, starts_on: datetime.date, ends_on: datetime.date
) -> Delegation:
    """The mayor lets a core member control the case list in their place for a period."""
    if not access.is_mayor(by):
        raise PermissionDenied
    if not access.has_core_seat(delegate) or delegate.pk == by.pk:
        raise ValidationError({"delegate": _("Choose another member of the core.")})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The period ends before it starts.")})
    delegation = Delegation(mayor=by, delegate=delegate, starts_on=starts_on, ends_on=ends_on)
    delegation.save()
    return delegation


@action
def delegation_revoke(*, by, delegation: Delegation) -> Delegation:
    if delegation.mayor_id != by.pk:
        raise PermissionDenied
    delegation.revoked_at = timezone.now()
    delegation.save(update_fields=["revoked_at"])
    return delegation


@action
def cycle_open(
    *, by, title: str, starts_on: datetime.date, ends_on: datetime.date
) -> ConsultationCycle:
    """Open a meeting cycle; members acknowledge the rules again for it."""
    access.check_core_member(by)
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Give the cycle a title.")]
    if ends_on < starts_on:
        errors["ends_on"] = [_("The period ends before it starts.")]
    require(errors)
    cycle = ConsultationCycle(
        title=title.strip()[:120], starts_on=starts_on, ends_on=ends_on, created_by=by
    )
    cycle.save()
    return cycle


@action
def rules_acknowledge(*, by, meeting: Meeting | None) -> Acknowledgement:
    """Record that `by` acknowledged the confidentiality rules for `meeting`, the meeting
    that covers their reading today (once per meeting)."""
    if not access.has_case_role(by):
        raise PermissionDenied
    if meeting is None or meeting != access.meeting_to_acknowledge(by):
        raise ValidationError(
            _("The meeting to acknowledge the rules for has changed: read them again.")
        )
    existing = Acknowledgement.objects.filter(user=by, meeting=meeting).first()
    if existing is not None:
        return existing
    return Acknowledgement.objects.create(user=by, meeting=meeting, rules_version=RULES_VERSION)


# --- Referrals and the case list ----------------------------------------------------------------


@action
def referral_submit(
    *,
    by,
    name: str,
    reason: str,
    extremism_type: str,
    birth_date: datetime.date | None = None,
    address: str = "",
) -> Referral:
    """Ask the consultation to look at a person. The answer never says whether they are known."""
    if not access.may_refer(by):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    check_identity(errors, name, birth_date)
    check_text(errors, "reason", reason)
    check_text(errors, "address", address, required=False)
    if extremism_type not in ExtremismType.values:
        errors["extremism_type"] = [_("Choose a type of extremism.")]
    require(errors)
    referral = Referral(
        submitted_by=by,
        name=name.strip(),
        birth_date=birth_date,
        address=address.strip(),
        name_index=crypto.name_index(name),
        reason=reason.strip(),
        extremism_type=extremism_type,
    )
    referral.save()
    return referral


# References name a case without counting: random, from letters and digits that cannot be
# mistaken for one another (no 0/O, 1/I/L, U), never given twice.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 6
REFERENCE_ATTEMPTS = 20


def _reference_taken(reference: str) -> bool:
    """Whether a case holds `reference`, or ever held it: a removed case is gone from the
    table, but the audit trail keeps its reference, and its records must never be mixed
    with those of another case."""
    from django.contrib.contenttypes.models import ContentType

    from samen.audit.models import AuditRecord

    if Case.objects.filter(reference=reference).exists():
        return True
    return AuditRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_repr=reference
    ).exists()


def _new_reference(year: int) -> str:
    """A reference LIVC-<year>-<6 random characters> that no case holds or has held.

    Security-critical. Sequential numbers told an invitee how many cases were opened and gave
    a removed case's number to the next case; these reveal nothing and are not reused.
    """
    for _attempt in range(REFERENCE_ATTEMPTS):
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        reference = f"LIVC-{year}-{code}"
        if not _reference_taken(reference):
            return reference
    raise RuntimeError("No free case reference found.")  # ~30**6 per year: not in practice


def _save_with_new_reference(case: Case, year: int) -> None:
    """Save a new case under a fresh reference; retry if another one took it meanwhile (the
    column is unique)."""
    for attempt in range(REFERENCE_ATTEMPTS):
        case.reference = _new_reference(year)
        try:
            with transaction.atomic():
                case.save()
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1 or not _reference_taken(case.reference):
                raise
            case.pk = None
        else:
            return


@action
def case_open(
    *,
    by,
    name: str,
    purpose: str,
    extremism_type: str,
    review_on: datetime.date,
    birth_date: datetime.date | None = None,
    address: str = "",
    opened_at: datetime.datetime | None = None,
) -> Case:
    """Open a case about a person (the mayor or a delegate only)."""
    if by is not None:  # None: the demo seeder, which acts as Samen
        access.check_controls_case_list(by)
    now = opened_at or timezone.now()
    errors: dict[str, list[str]] = {}
    check_identity(errors, name, birth_date)
    check_text(errors, "purpose", purpose)
    check_text(errors, "address", address, required=False)
    if extremism_type not in ExtremismType.values:
        errors["extremism_type"] = [_("Choose a type of extremism.")]
    if review_on <= timezone.localdate(now):
        errors["review_on"] = [_("Choose a review date in the future.")]
    require(errors)
    case = Case(
        purpose=purpose.strip(),
        extremism_type=extremism_type,
        age_band=age_band_on(birth_date, timezone.localdate(now)),
        review_on=review_on,
        opened_at=now,
        opened_by=by,
    )
    _save_with_new_reference(case, timezone.localdate(now).year)
    CasePerson.objects.create(
        case=case,
        name=name.strip(),
        birth_date=birth_date,
        address=address.strip(),
        name_index=crypto.name_index(name),
    )
    return case


def _check_pending(referral: Referral) -> None:
    if referral.status != Referral.Status.PENDING:
        raise ValidationError(_("This referral was decided already."))


@action
def referral_accept(*, by, referral: Referral, purpose: str, review_on: datetime.date) -> Case:
    """Accept a referral: open a case about its person."""
    access.check_controls_case_list(by)
    _check_pending(referral)
    case = case_open(
        by=by,
        name=referral.name,
        birth_date=referral.birth_date,
        address=referral.address,
        purpose=purpose,
        extremism_type=referral.extremism_type,
        review_on=review_on,
    )
    referral.status, referral.case = Referral.Status.ACCEPTED, case
    referral.decided_by, referral.decided_at = by, timezone.now()
    referral.save(update_fields=["status", "case", "decided_by", "decided_at"])
    return case


@action
def referral_reject(*, by, referral: Referral, reason: str) -> Referral:
    """Reject a referral with a reason."""
    access.check_controls_case_list(by)
    _check_pending(referral)
    errors: dict[str, list[str]] = {}
    check_text(errors, "reason", reason)
    require(errors)
    referral.status, referral.rejection_reason = Referral.Status.REJECTED, reason.strip()
    referral.decided_by, referral.decided_at = by, timezone.now()
    referral.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
    return referral


@action
def case_close(
    *,
    by,
    case: Case,
    reason: str,
    follow_up_needed: bool,
    closed_at: datetime.datetime | None = None,
) -> Case:
    """Close a case; its retention period starts now (shorter when no follow-up was needed).

    `closed_at` backdates the closing, for the demo seeder only."""
    access.check_controls_case_list(by)
    if not case.is_open:
        raise ValidationError(_("This case is closed already."))
    errors: dict[str, list[str]] = {}
    check_text(errors, "reason", reason)
    require(errors)
    now = closed_at or timezone.now()
    case.status, case.closed_at, case.closed_by = Case.Status.CLOSED, now, by
    case.closure_reason, case.follow_up_needed = reason.strip(), follow_up_needed
    case.retain_until = retain_until_for(timezone.localdate(now), follow_up_needed)
    case.save()
    # Invited professionals keep no access to a closed case.
    case.invitations.filter(revoked_at__isnull=True).update(revoked_at=now)
    return case


@action
def case_remove(*, by, case: Case) -> str:
    """Remove a case and everything about its person (opened in error, say); return its
    reference. The trail keeps that it existed and who removed it, never what it said."""
    access.check_controls_case_list(by)
    reference = case.reference
    # The referral that led to the case names the person too; it goes with the case.
    Referral.objects.filter(case=case).delete()
    case.delete()
    return reference


@action
def case_set_review_date(*, by, case: Case, review_on: datetime.date) -> Case:
    access.check_core_member(by)
    if review_on <= access.today():
        raise ValidationError({"review_on": _("Choose a review date in the future.")})
    case.review_on = review_on
    case.save(update_fields=["review_on"])
    return case


# --- Members ---------------------------------------------------------------------------------


@action
def invitation_create(*, by, case: Case, user, ends_on: datetime.date) -> Invitation:
    """Invite a professional to this one case until `ends_on` (the core only)."""
    access.check_core_member(by)
    errors: dict[str, list[str]] = {}
    if not case.is_open:
        errors.setdefault("__all__", []).append(_("A closed case takes no new members."))
    if user.role not in access.INVITABLE_ROLES or not user.is_active:
        errors["user"] = [_("This person's role cannot be invited to a case.")]
    limit = access.today() + datetime.timedelta(days=366)
    if not access.today() <= ends_on <= limit:
        errors["ends_on"] = [_("Choose an end date from today to at most a year ahead.")]
    require(errors)
    invitation = Invitation(case=case, user=user, ends_on=ends_on, invited_by=by)
    invitation.save()
    access.forget(user)
    return invitation


@action
def invitation_end(*, by, invitation: Invitation) -> Invitation:
    """End an invitation before its end date."""
    access.check_core_member(by)
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    access.forget(invitation.user)
    return invitation


# Corrections live in their own module; they are actions like these.
from samen.cases.corrections import case_correct  # noqa: E402, F401
