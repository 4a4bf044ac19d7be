"""Storage limits of cases: when a closed case's content goes, and the run that removes it.

A closed case is kept SAMEN_CASE_RETENTION_YEARS (default 5) after closing, or
SAMEN_CASE_RETENTION_NO_AFTERCARE_YEARS (default 1) when no aftercare was needed. When that
day has passed, the run anonymises it: the person, invitations, corrections and narrative go;
the reference, dates, age band and extremism type stay for the counts. Rejected referrals
lose their person after SAMEN_CASE_REFERRAL_RETENTION_DAYS (default 365). Referrals still
waiting for a decision are not kept forever either: those about the person of a case being
anonymised (same name index, sent before that case closed) go with the case, and any left
undecided longer than the same period are deleted. Each run writes one audit record with
numbers only.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from auditlog.cid import get_cid
from auditlog.context import disable_auditlog
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.audit.models import AuditRecord
from samen.cases.models import (
    AgendaItem,
    Assessment,
    Case,
    CasePerson,
    Correction,
    Invitation,
    PoliceExchange,
    Referral,
    SupportPlan,
)
from samen.core.actions import action

BATCH = 500


def retention_years(aftercare_needed: bool) -> int:
    if aftercare_needed:
        return settings.SAMEN_CASE_RETENTION_YEARS
    return settings.SAMEN_CASE_RETENTION_NO_AFTERCARE_YEARS


def retain_until_for(closed_on: datetime.date, aftercare_needed: bool) -> datetime.date:
    """The last day a case closed on `closed_on` is kept."""
    years = retention_years(aftercare_needed)
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:  # 29 February
        return closed_on.replace(year=closed_on.year + years, day=28)


def referral_retention_days() -> int:
    return settings.SAMEN_CASE_REFERRAL_RETENTION_DAYS


# --- The run -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionRun:
    """How many cases were anonymised and referrals deleted, and up to which day.

    `referrals` counts every referral deleted; `pending_referrals` how many of those were
    still waiting for a decision (about an anonymised case's person, or too old).
    """

    cases: int
    referrals: int
    kept_until_before: str
    pending_referrals: int = 0


def expired_cases(today: datetime.date) -> QuerySet:
    """Closed cases whose last day of keeping lies before `today`, not yet anonymised."""
    return Case.objects.filter(
        status=Case.Status.CLOSED, retain_until__lt=today, anonymised_at__isnull=True
    )


def expired_referrals(today: datetime.date) -> QuerySet:
    """Rejected referrals decided more than the referral period ago."""
    cutoff = today - datetime.timedelta(days=referral_retention_days())
    return Referral.objects.filter(status=Referral.Status.REJECTED, decided_at__date__lt=cutoff)


def expired_pending_referrals(today: datetime.date) -> QuerySet:
    """Referrals still waiting for a decision that go: those about the person of a case the
    run anonymises (the same name index, sent before that case was closed), and those sent
    more than the referral period ago, which should have been decided long before."""
    cutoff = today - datetime.timedelta(days=referral_retention_days())
    about_expired_case = CasePerson.objects.filter(
        case__in=expired_cases(today),
        name_index=OuterRef("name_index"),
        case__closed_at__gte=OuterRef("submitted_at"),
    ).exclude(name_index="")
    pending = Referral.objects.filter(status=Referral.Status.PENDING)
    return pending.filter(Exists(about_expired_case)) | pending.filter(
        submitted_at__date__lt=cutoff
    )


def expired(today: datetime.date | None = None) -> RetentionRun:
    """Count what the next run would remove, changing nothing."""
    today = today or timezone.localdate()
    rejected = expired_referrals(today).count()
    pending = expired_pending_referrals(today).count()
    return RetentionRun(
        cases=expired_cases(today).count(),
        referrals=rejected + pending,
        kept_until_before=today.isoformat(),
        pending_referrals=pending,
    )


@action
def case_retention_run(*, by=None, today: datetime.date | None = None) -> RetentionRun:
    """Anonymise closed cases past their retention period and delete old referrals.

    Security-critical. What goes: the person (name, date of birth, address and their index),
    the referrals about them (those that led to the case, and those still waiting for a
    decision about the same person, by name index, sent before the case closed),
    invitations, corrections and the narrative (purpose, reason for closing), and what every
    function in ANONYMISERS removes (the case work's minutes, assessments, plans and police
    exchanges). What stays, for the counts: reference, dates, age band, extremism type.
    Rejected referrals, and referrals still waiting for a decision, go once they are older
    than the referral period (SAMEN_CASE_REFERRAL_RETENTION_DAYS). The per-row trail is
    switched off for the bulk removal; one audit record says how many, and up to which day,
    with no personal data.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    cases, referrals, pending = 0, 0, 0
    with disable_auditlog():
        # First, while the persons of the expiring cases are still there to match on.
        while batch := list(
            expired_pending_referrals(today).order_by().values_list("pk", flat=True)[:BATCH]
        ):
            pending += Referral.objects.filter(pk__in=batch).delete()[0]
        while batch := list(expired_cases(today).values_list("pk", flat=True)[:BATCH]):
            CasePerson.objects.filter(case_id__in=batch).delete()
            Referral.objects.filter(case_id__in=batch).delete()
            Invitation.objects.filter(case_id__in=batch).delete()
            Correction.objects.filter(case_id__in=batch).delete()
            for anonymise in ANONYMISERS:
                anonymise(batch)
            cases += Case.objects.filter(pk__in=batch).update(
                purpose="", closure_reason="", anonymised_at=now
            )
        while batch := list(expired_referrals(today).values_list("pk", flat=True)[:BATCH]):
            referrals += Referral.objects.filter(pk__in=batch).delete()[0]
    referrals += pending
    run = RetentionRun(
        cases=cases,
        referrals=referrals,
        kept_until_before=today.isoformat(),
        pending_referrals=pending,
    )
    AuditRecord.objects.create(
        content_type=ContentType.objects.get_for_model(Case),
        object_pk="",
        object_repr=_("Retention: %(cases)s cases anonymised, %(referrals)s referrals deleted")
        % {"cases": cases, "referrals": referrals},
        action=AuditRecord.Action.DELETE,
        changes={},
        actor=by if by is not None and by.is_authenticated else None,
        actor_email=getattr(by, "email", None),
        additional_data={"retention": {**asdict(run), "run_at": now.isoformat()}},
        cid=get_cid(),
    )
    return run


def anonymise_case_work(case_ids: list[int]) -> None:
    """Delete the minutes and decisions, assessments, support plans and police exchanges of
    these cases. Meetings stay (they name no case); the agenda items go with their minutes."""
    AgendaItem.objects.filter(case_id__in=case_ids).delete()
    Assessment.objects.filter(case_id__in=case_ids).delete()
    SupportPlan.objects.filter(case_id__in=case_ids).delete()
    PoliceExchange.objects.filter(case_id__in=case_ids).delete()


# Functions `anonymise(case_ids)` that remove what the case work holds about the cases being
# anonymised (meetings' minutes, assessments, plans, police exchanges), called by the run
# inside its transaction and with the per-row trail off.
ANONYMISERS: list = [anonymise_case_work]
