"""Every write to signals: intake, triage, comments, merges.

Each action runs in one transaction with its audit records (samen.core.actions.action) and
keeps the weekly counts in step (samen.core.counters, kept by the tension monitor). Form, API
and CSV import all file signals through `signal_record` or, for a whole file,
`signals_import`, which share `check_signal`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.counters import count_changes, signal_keys
from samen.core.errors import FieldErrors
from samen.notifications import notify
from samen.people.models import User
from samen.places.models import Place
from samen.privacy.text_guard import check_text
from samen.signals.access import check_may_report, check_may_triage, visible_signals
from samen.signals.filing import store_new_signal
from samen.signals.models import Category, Comment, FollowUp, Signal

# A clock a few minutes fast must not make "now" a future moment.
FUTURE_TOLERANCE = datetime.timedelta(minutes=10)
OLDEST = datetime.timedelta(days=366 * 5)
# Built once: an import checks a million rows against them.
_SEVERITIES = frozenset(Signal.Severity.values)
_SOURCE_TYPES = frozenset(Signal.SourceType.values)
_INFORMATION_CLASSES = frozenset(Signal.InformationClass.values)
_CONFIDENCES = frozenset(Signal.Confidence.values)


@dataclass
class SignalFields:
    """What one signal says, before it is stored; checked by `check_signal`."""

    district: Place
    neighbourhood: Place | None
    occurred_at: datetime.datetime
    categories: list[Category]
    severity: int
    source_type: str
    information_class: str
    confidence: int
    text: str

    @classmethod
    def from_data(cls, data: dict) -> SignalFields:
        """Take the fields from a form's or serializer's validated data."""
        return cls(
            district=data["district"],
            neighbourhood=data.get("neighbourhood"),
            occurred_at=data["occurred_at"],
            categories=list(data["categories"]),
            severity=data["severity"],
            source_type=data["source_type"],
            information_class=data["information_class"],
            confidence=data["confidence"],
            text=data["text"],
        )


def check_signal(
    fields: SignalFields,
    *,
    now: datetime.datetime | None = None,
    zone: datetime.tzinfo | None = None,
) -> None:
    """Validate one signal completely; raise ValidationError naming every bad field.

    `zone` is the city's time zone, given by callers that check many rows: looking it up
    per row cost a fifth of an import's checks.
    """
    now = now or timezone.now()
    errors = FieldErrors()
    district = fields.district
    if district.kind != Place.Kind.DISTRICT or not district.is_valid_on(
        timezone.localtime(fields.occurred_at, zone).date()
    ):
        errors.add("district", _("Choose a district that existed on that day."))
    if fields.neighbourhood is not None and fields.neighbourhood.parent_id != district.pk:
        errors.add("neighbourhood", _("This neighbourhood does not lie in the chosen district."))
    if fields.occurred_at > now + FUTURE_TOLERANCE:
        errors.add("occurred_at", _("A signal cannot happen in the future."))
    elif fields.occurred_at < now - OLDEST:
        errors.add("occurred_at", _("This is more than five years ago."))
    if not fields.categories:
        errors.add("categories", _("Choose at least one category."))
    elif any(c.parent_id is None or not c.is_active for c in fields.categories):
        errors.add("categories", _("Choose categories in use, not the group headings."))
    if fields.severity not in _SEVERITIES:
        errors.add("severity", _("Severity goes from 1 to 4."))
    if fields.source_type not in _SOURCE_TYPES:
        errors.add("source_type", _("Choose a source."))
    if fields.information_class not in _INFORMATION_CLASSES:
        errors.add("information_class", _("Choose an information class."))
    if fields.confidence not in _CONFIDENCES:
        errors.add("confidence", _("Choose how sure you are."))
    if len(fields.text) > 1000:
        errors.add("text", _("Keep the description under 1,000 characters."))
    errors.raise_if_any()
    check_text("text", fields.text)


def _keys_for(signal: Signal, category_ids) -> list:
    return signal_keys(
        district_id=signal.district_id,
        neighbourhood_id=signal.neighbourhood_id,
        city_id=signal.district.parent_id,
        week=signal.week,
        category_ids=category_ids,
    )


@action
def signal_record(*, by, fields: SignalFields, shared_with=()) -> Signal:
    """File one signal from the form or the API."""
    check_may_report(by)
    check_signal(fields)
    signal = Signal(
        district=fields.district,
        neighbourhood=fields.neighbourhood,
        occurred_at=fields.occurred_at,
        severity=fields.severity,
        source_type=fields.source_type,
        information_class=fields.information_class,
        confidence=fields.confidence,
        text=fields.text.strip(),
        reporter=by,
    )
    # The categories ride on the creation's audit record (Signal.get_additional_data) and go
    # in with one insert, instead of a second audit record and three queries from .set()
    # (filing.py).
    signal.audit_extra = {"categories": sorted(c.code for c in fields.categories)}
    signal.set_week()
    category_ids = [c.pk for c in fields.categories]
    changes = count_changes()
    changes.add(_keys_for(signal, category_ids), signal.severity)
    store_new_signal(signal, category_ids, changes)
    organisations = list(shared_with)
    if by.role == "partner_professional":
        # A partner sees only what is shared with their organisation: their own reports too.
        organisations += list(by.organisations.all())
    if organisations:
        signal.shared_with.set(organisations)
        for organisation in shared_with:
            shared_notify(signal, organisation, by=by)
    return signal


TRANSITIONS = {
    Signal.Status.NEW: {Signal.Status.REVIEWED, Signal.Status.CLOSED},
    Signal.Status.REVIEWED: {Signal.Status.FOLLOWED_UP, Signal.Status.CLOSED},
    Signal.Status.FOLLOWED_UP: {Signal.Status.CLOSED},
    Signal.Status.CLOSED: set(),
}


def _move(signal: Signal, to: str) -> None:
    if to not in TRANSITIONS[signal.status]:
        raise ValidationError(
            _("A %(from)s signal cannot become %(to)s.")
            % {"from": signal.get_status_display(), "to": Signal.Status(to).label}
        )
    signal.status = to


@action
def signal_review(*, by, signal: Signal) -> Signal:
    check_may_triage(by, signal)
    _move(signal, Signal.Status.REVIEWED)
    signal.reviewed_by, signal.reviewed_at = by, timezone.now()
    signal.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return signal


@action
def signal_follow_up(
    *,
    by,
    signal: Signal,
    kind: str,
    reference: str = "",
    note: str = "",
    due_on: datetime.date | None = None,
) -> FollowUp:
    """Link what a signal led to, with the date it should be done by if one is given (its
    author is reminded then); a reviewed signal becomes followed up."""
    check_may_triage(by, signal)
    if kind not in FollowUp.Kind.values:
        raise ValidationError({"kind": _("Choose what the signal led to.")})
    if due_on is not None and due_on < timezone.localdate():
        raise ValidationError({"due_on": _("The due date cannot be in the past.")})
    check_text("reference", reference)
    check_text("note", note)
    if signal.status == Signal.Status.NEW:
        raise ValidationError(_("Review the signal before following it up."))
    if signal.status == Signal.Status.CLOSED:
        raise ValidationError(_("A closed signal cannot be followed up."))
    follow_up = FollowUp(
        signal=signal,
        district_id=signal.district_id,
        kind=kind,
        reference=reference[:80],
        note=note,
        due_on=due_on,
        created_by=by,
    )
    follow_up.full_clean()
    follow_up.save()
    if signal.status == Signal.Status.REVIEWED:
        _move(signal, Signal.Status.FOLLOWED_UP)
        signal.save(update_fields=["status"])
    return follow_up


@action
def signal_share(*, by, signal: Signal, organisation) -> Signal:
    """Let a partner organisation's professionals see this signal."""
    check_may_triage(by, signal)
    if not organisation.is_active:
        raise ValidationError({"organisation": _("This organisation is no longer active.")})
    signal.shared_with.add(organisation)
    shared_notify(signal, organisation, by=by)
    return signal


def shared_notify(signal: Signal, organisation, *, by) -> None:
    """Tell the organisation's members who may see the signal (but the one who shared it)
    that it was shared with them: its place and the organisation, never its text."""
    members = User.objects.filter(is_active=True, memberships__organisation=organisation)
    if by is not None:
        members = members.exclude(pk=by.pk)
    readers = [
        member
        for member in members.distinct()
        if visible_signals(Signal.objects.filter(pk=signal.pk), member).exists()
    ]
    notify(
        "signals.shared",
        recipients=readers,
        params={"place": signal.district.name_nl, "organisation": organisation.name},
        url=reverse("signals:detail", args=[signal.pk]),
        key=f"signals:{signal.pk}:shared:{organisation.pk}",
    )


@action
def follow_up_close(*, by, follow_up: FollowUp) -> FollowUp:
    check_may_triage(by, follow_up.signal)
    follow_up.is_open = False
    follow_up.save(update_fields=["is_open"])
    return follow_up


@action
def signal_close(*, by, signal: Signal) -> Signal:
    check_may_triage(by, signal)
    _move(signal, Signal.Status.CLOSED)
    signal.closed_by, signal.closed_at = by, timezone.now()
    signal.save(update_fields=["status", "closed_by", "closed_at"])
    return signal


@action
def signal_comment(*, by, signal: Signal, text: str) -> Comment:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write a comment first.")})
    if len(text) > 2000:
        raise ValidationError({"text": _("Keep the comment under 2,000 characters.")})
    check_text("text", text)
    comment = Comment(signal=signal, author=by, text=text)
    comment.save()
    return comment


@action
def signal_merge(*, by, duplicate: Signal, into: Signal) -> Signal:
    """Mark `duplicate` as the same event as `into`: it stops counting and is closed."""
    check_may_triage(by, duplicate)
    check_may_triage(by, into)
    if duplicate.pk == into.pk:
        raise ValidationError(_("A signal cannot be a duplicate of itself."))
    if duplicate.merged_into_id or into.merged_into_id:
        raise ValidationError(_("One of these signals is already merged."))
    changes = count_changes()
    changes.add(
        _keys_for(duplicate, duplicate.categories.values_list("pk", flat=True)),
        duplicate.severity,
        sign=-1,
    )
    changes.write()
    duplicate.merged_into = into
    if duplicate.status != Signal.Status.CLOSED:
        duplicate.status = Signal.Status.CLOSED
        duplicate.closed_by, duplicate.closed_at = by, timezone.now()
    duplicate.save(update_fields=["merged_into", "status", "closed_by", "closed_at"])
    return duplicate
