"""Every write to the case consultation, each a named action with its audit records.

Each action checks who acts and validates everything before its first write, so a refusal
changes nothing. Only the mayor and their delegates open, close and remove cases and decide
on referrals (access.controls_case_list); the core corrects. Who sits at the table, and who
is invited to a case, is changed in samen.cases.actions.table; corrections are in
samen.cases.actions.corrections.
"""

from __future__ import annotations

import datetime
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.audit.models import AuditRecord
from samen.cases import access, crypto
from samen.cases.actions.validation import check_identity, check_text
from samen.cases.models import (
    Acknowledgement,
    Case,
    CasePerson,
    ConsultationCycle,
    ExtremismType,
    Meeting,
    Referral,
    age_band_on,
)
from samen.cases.retention import retain_until_for
from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.privacy.case_references import (
    CASE_REFERENCE_ALPHABET,
    CASE_REFERENCE_LENGTH,
    case_reference,
)

# The version of the confidentiality rules a member acknowledges (docs/cases.md).
RULES_VERSION = "2026-1"


# --- The table ---------------------------------------------------------------------------------


@action
def cycle_open(
    *, by, title: str, starts_on: datetime.date, ends_on: datetime.date
) -> ConsultationCycle:
    """Open a meeting cycle; members acknowledge the rules again for it."""
    access.check_core_member(by)
    errors = FieldErrors()
    if not title.strip():
        errors.add("title", _("Give the cycle a title."))
    if ends_on < starts_on:
        errors.add("ends_on", _("The period ends before it starts."))
    errors.raise_if_any()
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
    errors = FieldErrors()
    check_identity(errors, name, birth_date)
    check_text(errors, "reason", reason)
    check_text(errors, "address", address, required=False)
    if extremism_type not in ExtremismType.values:
        errors.add("extremism_type", _("Choose a type of extremism."))
    errors.raise_if_any()
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


# References name a case without counting: random, never given twice. Their form is the
# platform's (samen.privacy.case_references), so that other modules can refuse them in their text.
REFERENCE_ALPHABET = CASE_REFERENCE_ALPHABET
REFERENCE_LENGTH = CASE_REFERENCE_LENGTH
REFERENCE_ATTEMPTS = 20


def _reference_taken(reference: str) -> bool:
    """Whether a case holds `reference`, or ever held it: a removed case is gone from the
    table, but the audit trail keeps its reference, and its records must never be mixed
    with those of another case."""
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
        reference = case_reference(year, code)
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
    errors = FieldErrors()
    check_identity(errors, name, birth_date)
    check_text(errors, "purpose", purpose)
    check_text(errors, "address", address, required=False)
    if extremism_type not in ExtremismType.values:
        errors.add("extremism_type", _("Choose a type of extremism."))
    if review_on <= timezone.localdate(now):
        errors.add("review_on", _("Choose a review date in the future."))
    errors.raise_if_any()
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
    errors = FieldErrors()
    check_text(errors, "reason", reason)
    errors.raise_if_any()
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
    aftercare_needed: bool,
    closed_at: datetime.datetime | None = None,
) -> Case:
    """Close a case; its retention period starts now (shorter when no aftercare was needed).

    `closed_at` backdates the closing, for the demo seeder only."""
    access.check_controls_case_list(by)
    if not case.is_open:
        raise ValidationError(_("This case is closed already."))
    errors = FieldErrors()
    check_text(errors, "reason", reason)
    errors.raise_if_any()
    now = closed_at or timezone.now()
    case.status, case.closed_at, case.closed_by = Case.Status.CLOSED, now, by
    case.closure_reason, case.aftercare_needed = reason.strip(), aftercare_needed
    case.retain_until = retain_until_for(timezone.localdate(now), aftercare_needed)
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
