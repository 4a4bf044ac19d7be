"""Retention of mediations: after the period, the personal data goes; the facts stay.

The period is SAMEN_MEDIATION_RETENTION_YEARS years (three by default), counted from:

- the closing, for a closed mediation;
- the last activity, for an open one: its intake, the assignment of a mediator, a new party or
  a recorded session (Mediation.last_activity_at, set by those actions). An intake that
  stalled, or a mediation abandoned without an outcome, does not keep its parties forever.

Past it, the parties lose their name, contact and street, the sessions their summary, and the
mediation its description and notes. An open mediation is then closed as lapsed (see
Mediation.Outcome for why). What stays, for statistics: the kind of conflict, the district and
neighbourhood, the dates, the mediator, the number of parties and sessions and who came to
which, the outcome and the aftercare check's result.

An open mediation idle for SAMEN_MEDIATION_IDLE_WARNING_MONTHS (24 by default) shows, on its
page and in the lists, the day its party data goes unless there is activity before then
(samen.mediation.periods reads both periods).

The purge updates whole batches at once, which the per-record audit trail does not see, so
each run writes one audit record that says how much it removed, why, and up to which moment.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from auditlog.cid import get_cid
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.audit.models import AuditRecord
from samen.audit.redaction import REDACTED
from samen.core.actions import action
from samen.mediation.models import Mediation, Party, Session
from samen.mediation.periods import retention_cutoff, retention_years

BATCH = 1000
PERSONAL_FIELDS = (
    "description",
    "outcome_note",
    "aftercare_note",
    "parties.name",
    "parties.contact",
    "parties.street",
    "sessions.summary",
)


@dataclass(frozen=True)
class Expired:
    """How many mediations (with their parties and sessions) still hold personal data."""

    mediations: int = 0
    parties: int = 0
    sessions: int = 0

    def __add__(self, other: Expired) -> Expired:
        return Expired(
            self.mediations + other.mediations,
            self.parties + other.parties,
            self.sessions + other.sessions,
        )


@dataclass(frozen=True)
class Removal:
    """What a run removes (or would): closed mediations past the period, and idle open ones."""

    closed: Expired
    idle: Expired

    @property
    def total(self) -> Expired:
        return self.closed + self.idle

    @property
    def mediations(self) -> int:
        return self.total.mediations

    @property
    def parties(self) -> int:
        return self.total.parties

    @property
    def sessions(self) -> int:
        return self.total.sessions


def _closed_expired(cutoff: datetime.datetime) -> QuerySet:
    return Mediation.objects.filter(
        status=Mediation.Status.CLOSED, closed_at__lt=cutoff, personal_data_removed_at__isnull=True
    )


def _idle_expired(cutoff: datetime.datetime) -> QuerySet:
    return Mediation.objects.idle_since_before(cutoff)


def _count(mediations: QuerySet) -> Expired:
    return Expired(
        mediations=mediations.count(),
        parties=Party.objects.filter(mediation__in=mediations).count(),
        sessions=Session.objects.filter(mediation__in=mediations).count(),
    )


def expired(now: datetime.datetime | None = None) -> Removal:
    """Count what the next purge would empty, without changing anything."""
    cutoff = retention_cutoff(now)
    return Removal(closed=_count(_closed_expired(cutoff)), idle=_count(_idle_expired(cutoff)))


def _remove(expiring: QuerySet, now: datetime.datetime, **closing) -> Expired:
    """Empty the personal data of `expiring`, batch by batch; `closing` closes them too."""
    removed = Expired()
    # Locked, so that an action on one of them waits for this run and then finds it closed.
    while batch := list(
        expiring.select_for_update().order_by().values_list("pk", flat=True)[:BATCH]
    ):
        parties = Party.objects.filter(mediation_id__in=batch).update(
            name="", contact="", street=""
        )
        sessions = Session.objects.filter(mediation_id__in=batch).update(summary="")
        mediations = Mediation.objects.filter(pk__in=batch).update(
            description="",
            outcome_note="",
            aftercare_note="",
            personal_data_removed_at=now,
            **closing,
        )
        removed += Expired(mediations, parties, sessions)
    return removed


@action
def mediation_personal_data_purge(*, by=None, now: datetime.datetime | None = None) -> Removal:
    """Remove the personal data of mediations closed, or idle, since before the cut-off;
    close the idle ones as lapsed; record the run with its numbers only."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    removal = Removal(
        closed=_remove(_closed_expired(cutoff), now),
        idle=_remove(
            _idle_expired(cutoff),
            now,
            status=Mediation.Status.CLOSED,
            outcome=Mediation.Outcome.LAPSED,
            closed_at=now,
        ),
    )
    summary = _(
        "Retention: personal data removed from %(mediations)s mediations (%(parties)s parties, "
        "%(sessions)s sessions): %(closed)s closed before %(cutoff)s, %(idle)s open without "
        "activity since before %(cutoff)s and now closed as lapsed"
    ) % {
        **asdict(removal.total),
        "closed": removal.closed.mediations,
        "idle": removal.idle.mediations,
        "cutoff": cutoff.date().isoformat(),
    }
    # The trail says which fields went, never what they said.
    changes = {field: [REDACTED, ""] for field in PERSONAL_FIELDS} if removal.mediations else {}
    if removal.idle.mediations:
        changes["outcome"] = ["", Mediation.Outcome.LAPSED.value]
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
                **asdict(removal.total),
                "closed": asdict(removal.closed),
                "idle": asdict(removal.idle),
                "years": retention_years(),
                "cutoff": cutoff.isoformat(),
                "run_at": now.isoformat(),
            }
        },
        cid=get_cid(),
    )
    return removal
