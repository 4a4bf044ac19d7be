"""Retention of mediations: after the period, the personal data goes; the facts stay.

When a mediation was closed more than SAMEN_MEDIATION_RETENTION_YEARS years ago (three by
default), its parties lose their name, contact and street, its sessions their summary, and
the mediation its description and notes. What stays, for statistics: the kind of conflict,
the district and neighbourhood, the dates, the mediator, the number of parties and sessions
and who came to which, the outcome and the follow-up check's result. The purge updates whole
batches at once, which the per-record audit trail does not see, so each run writes one audit
record that says how much it removed and up to which moment.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from auditlog.cid import get_cid
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.audit.models import AuditRecord
from samen.audit.redaction import REDACTED
from samen.core.actions import action
from samen.mediation.actions import add_months
from samen.mediation.models import Mediation, Party, Session

BATCH = 1000


@dataclass(frozen=True)
class Expired:
    """How many mediations (with their parties and sessions) still hold personal data."""

    mediations: int
    parties: int
    sessions: int


def retention_years() -> int:
    """Return the configured period in whole years after closing; refuse one under a year."""
    years = settings.SAMEN_MEDIATION_RETENTION_YEARS
    if years < 1:
        raise ImproperlyConfigured("SAMEN_MEDIATION_RETENTION_YEARS must be at least 1.")
    return years


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Return the moment before which closed mediations lose their personal data."""
    local = timezone.localtime(now or timezone.now())
    day = add_months(local.date(), -12 * retention_years())
    return local.replace(year=day.year, month=day.month, day=day.day)


def _expired(cutoff: datetime.datetime) -> QuerySet:
    return Mediation.objects.filter(
        status=Mediation.Status.CLOSED, closed_at__lt=cutoff, personal_data_removed_at__isnull=True
    )


def expired(now: datetime.datetime | None = None) -> Expired:
    """Count what the next purge would empty, without changing anything."""
    mediations = _expired(retention_cutoff(now))
    return Expired(
        mediations=mediations.count(),
        parties=Party.objects.filter(mediation__in=mediations).count(),
        sessions=Session.objects.filter(mediation__in=mediations).count(),
    )


@action
def mediation_personal_data_purge(*, by=None, now: datetime.datetime | None = None) -> Expired:
    """Remove the personal data of mediations closed before the cut-off; record the run."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    purged = Expired(0, 0, 0)
    while batch := list(_expired(cutoff).order_by().values_list("pk", flat=True)[:BATCH]):
        parties = Party.objects.filter(mediation_id__in=batch).update(
            name="", contact="", street=""
        )
        sessions = Session.objects.filter(mediation_id__in=batch).update(summary="")
        mediations = Mediation.objects.filter(pk__in=batch).update(
            description="", outcome_note="", follow_up_note="", personal_data_removed_at=now
        )
        purged = Expired(
            purged.mediations + mediations, purged.parties + parties, purged.sessions + sessions
        )
    summary = _(
        "Retention: personal data removed from %(mediations)s mediations (%(parties)s parties, "
        "%(sessions)s sessions) closed before %(cutoff)s"
    ) % {**asdict(purged), "cutoff": cutoff.date().isoformat()}
    # The trail says which fields went, never what they said.
    changes = (
        {
            field: [REDACTED, ""]
            for field in (
                "description",
                "outcome_note",
                "follow_up_note",
                "parties.name",
                "parties.contact",
                "parties.street",
                "sessions.summary",
            )
        }
        if purged.mediations
        else {}
    )
    AuditRecord.objects.create(
        content_type=ContentType.objects.get_for_model(Mediation),
        object_pk="",
        object_repr=summary,
        action=AuditRecord.Action.UPDATE,
        changes=changes,
        actor=by if by is not None and by.is_authenticated else None,
        actor_email=getattr(by, "email", None),
        additional_data={
            "retention": {
                **asdict(purged),
                "years": retention_years(),
                "cutoff": cutoff.isoformat(),
                "run_at": now.isoformat(),
            }
        },
        cid=get_cid(),
    )
    return purged
