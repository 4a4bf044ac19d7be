"""Retention of signal text: after the retention period the words go; counts and fields stay.

A signal's text, its comments and its follow-up notes are emptied once the signal was recorded
more than settings.SAMEN_SIGNAL_RETENTION_MONTHS months ago. The purge updates whole batches
at once, which the per-record audit trail does not see, so each run writes one audit record
that says what it removed, how much, and up to which moment.
"""

from __future__ import annotations

import calendar
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
from samen.signals.models import Comment, FollowUp, Signal

BATCH = 1000


@dataclass(frozen=True)
class Expired:
    """How many signals, comments and follow-up notes still hold text past their period."""

    signals: int
    comments: int
    follow_up_notes: int


def retention_months() -> int:
    """Return the configured retention period in months; refuse one under a month."""
    months = settings.SAMEN_SIGNAL_RETENTION_MONTHS
    if months < 1:
        raise ImproperlyConfigured("SAMEN_SIGNAL_RETENTION_MONTHS must be at least 1.")
    return months


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Return the moment before which recorded signals lose their text: the period before now."""
    local = timezone.localtime(now or timezone.now())
    index = local.year * 12 + local.month - 1 - retention_months()
    year, month = divmod(index, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day)


def _expired_signals(cutoff: datetime.datetime) -> QuerySet:
    return Signal.objects.filter(created_at__lt=cutoff, text_purged_at__isnull=True)


def _expired_comments(cutoff: datetime.datetime) -> QuerySet:
    # Comments written after their signal was purged are caught by the next run.
    return Comment.objects.filter(signal__created_at__lt=cutoff, text_purged_at__isnull=True)


def _expired_notes(cutoff: datetime.datetime) -> QuerySet:
    return FollowUp.objects.filter(signal__created_at__lt=cutoff).exclude(note="")


def expired(now: datetime.datetime | None = None) -> Expired:
    """Count what the next purge would empty, without changing anything."""
    cutoff = retention_cutoff(now)
    return Expired(
        signals=_expired_signals(cutoff).count(),
        comments=_expired_comments(cutoff).count(),
        follow_up_notes=_expired_notes(cutoff).count(),
    )


def _update_in_batches(rows: QuerySet, **changes) -> int:
    """Apply `changes` to `rows` a batch at a time; changed rows must leave `rows`."""
    done = 0
    while batch := list(rows.order_by().values_list("pk", flat=True)[:BATCH]):
        done += rows.model.objects.filter(pk__in=batch).update(**changes)
    return done


@action
def signal_text_purge(*, by=None, now: datetime.datetime | None = None) -> int:
    """Empty expired signal text, comments and notes; record the run; return signals purged."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    purged = Expired(
        signals=_update_in_batches(_expired_signals(cutoff), text="", text_purged_at=now),
        comments=_update_in_batches(_expired_comments(cutoff), text="", text_purged_at=now),
        follow_up_notes=_update_in_batches(_expired_notes(cutoff), note=""),
    )
    summary = _(
        "Retention: text removed from %(signals)s signals, %(comments)s comments and "
        "%(notes)s follow-up notes recorded before %(cutoff)s"
    ) % {
        "signals": purged.signals,
        "comments": purged.comments,
        "notes": purged.follow_up_notes,
        "cutoff": cutoff.date().isoformat(),
    }
    # The trail says which texts went, never what they said.
    fields = {"signals": "text", "comments": "comments.text", "follow_up_notes": "follow_ups.note"}
    changes = {fields[kind]: [REDACTED, ""] for kind, count in asdict(purged).items() if count}
    AuditRecord.objects.create(
        content_type=ContentType.objects.get_for_model(Signal),
        object_pk="",
        object_repr=summary,
        action=AuditRecord.Action.UPDATE,
        changes=changes,
        actor=by if by is not None and by.is_authenticated else None,
        actor_email=getattr(by, "email", None),
        additional_data={
            "retention": {
                **asdict(purged),
                "months": retention_months(),
                "cutoff": cutoff.isoformat(),
                "run_at": now.isoformat(),
            }
        },
        cid=get_cid(),
    )
    return purged.signals
