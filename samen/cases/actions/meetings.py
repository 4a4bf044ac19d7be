"""Every write to a meeting: schedule, agenda, attendance, minutes, decisions.

Organising is for the prevention official and the mayor or a delegate (access.work); each
action checks who acts and validates everything before its first write.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import access
from samen.cases.access.work import (
    case_members,
    check_may_organise,
    may_organise_meetings,
    meeting_candidates,
)
from samen.cases.actions.calls import meeting_call
from samen.cases.actions.work_rules import MAX_SHORT, check_text
from samen.cases.models import (
    ActionStatus,
    AgendaItem,
    Attendance,
    Case,
    ConsultationCycle,
    Decision,
    Meeting,
)
from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.people.models import Organisation


def cycle_for(day: datetime.date) -> ConsultationCycle | None:
    """The meeting cycle a meeting on `day` belongs to (the latest started one)."""
    return (
        ConsultationCycle.objects.filter(starts_on__lte=day, ends_on__gte=day)
        .order_by("-starts_on", "-pk")
        .first()
    )


@action
def meeting_schedule(
    *,
    by,
    held_on: datetime.date,
    place: str,
    chair,
    starts_at: datetime.time | None = None,
) -> Meeting:
    """Schedule a meeting in the cycle that covers its date, with a chair who may organise."""
    if by is not None:  # None: the demo seeder
        check_may_organise(by)
    errors = FieldErrors()
    check_text(errors, "place", place, limit=200)
    cycle = cycle_for(held_on)
    if cycle is None:
        errors.add("held_on", _("No meeting cycle covers this date: open a cycle first."))
    if chair is None or not may_organise_meetings(chair):
        errors.add("chair", _("The chair is the prevention official, the mayor or a delegate."))
    errors.raise_if_any()
    meeting = Meeting(
        cycle=cycle,
        held_on=held_on,
        starts_at=starts_at,
        place=place.strip(),
        chair=chair,
        scheduled_by=by,
    )
    meeting.save()
    meeting_call(meeting, by=by)
    return meeting


@action
def agenda_add(*, by, meeting: Meeting, case: Case) -> AgendaItem:
    """Put an open case on the agenda (only cases the chair may know of)."""
    if by is not None:
        check_may_organise(by)
    if not access.cases_visible_to(meeting.chair).filter(pk=case.pk, status=Case.Status.OPEN):
        raise ValidationError({"case": [_("Choose an open case the chair may see.")]})
    if meeting.items.filter(case=case).exists():
        raise ValidationError({"case": [_("This case is on the agenda already.")]})
    last = meeting.items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem(meeting=meeting, case=case, position=last + 1)
    item.save()
    meeting_call(meeting, by=by)  # the case's invitees are called too; the core once only
    return item


@action
def agenda_remove(*, by, item: AgendaItem) -> None:
    """Take a case off the agenda, as long as nothing was recorded for it."""
    check_may_organise(by)
    if item.minutes or item.decisions.exists():
        raise ValidationError(_("Minutes or decisions are recorded for this item: keep it."))
    item.delete()


@action
def attendance_record(*, by, meeting: Meeting, statuses: dict[int, str]) -> list[Attendance]:
    """Record who was present, excused or absent (members of this meeting only)."""
    if by is not None:
        check_may_organise(by)
    allowed = set(meeting_candidates(meeting).values_list("pk", flat=True))
    errors = FieldErrors()
    if set(statuses) - allowed:
        errors.add("attendance", _("Only the core and the invitees of the agenda's cases attend."))
    if set(statuses.values()) - set(Attendance.Status.values):
        errors.add("attendance", _("Choose present, excused or absent."))
    errors.raise_if_any()
    recorded = []
    for user_pk, status in statuses.items():
        record, _created = Attendance.objects.get_or_create(
            meeting=meeting, user_id=user_pk, defaults={"status": status}
        )
        if record.status != status:
            record.status = status
            record.save(update_fields=["status"])
        recorded.append(record)
    return recorded


@action
def minutes_write(*, by, item: AgendaItem, minutes: str) -> AgendaItem:
    """Write (or rewrite) the minutes of one case's discussion; the trail keeps that it changed."""
    if by is not None:
        check_may_organise(by)
    errors = FieldErrors()
    check_text(errors, "minutes", minutes)
    errors.raise_if_any()
    item.minutes, item.minutes_by, item.minutes_at = minutes.strip(), by, timezone.now()
    item.save(update_fields=["minutes", "minutes_by", "minutes_at"])
    return item


def check_owner(
    errors: FieldErrors,
    organisation: Organisation | None,
    owner,
    due_on: datetime.date | None,
) -> None:
    """Shared by decisions and plan actions: someone owns it, and a deadline is a real date."""
    if organisation is None and owner is None:
        errors.add("owner_organisation", _("Name the organisation or person who does this."))
    if organisation is not None and not organisation.is_active:
        errors.add("owner_organisation", _("This organisation is no longer active."))
    if due_on is not None and due_on.year < 2000:
        errors.add("due_on", _("Give a real deadline."))


@action
def decision_record(
    *,
    by,
    item: AgendaItem,
    text: str,
    owner_organisation: Organisation | None = None,
    owner=None,
    due_on: datetime.date | None = None,
) -> Decision:
    """Record a decision on a case item; with an owner and deadline it is an action to follow.

    A person who owns it is a member of the item's case (the core seated today or a current
    invitee of that case): an invitee of another case on the same agenda is refused.
    """
    if by is not None:
        check_may_organise(by)
    errors = FieldErrors()
    check_text(errors, "text", text, limit=MAX_SHORT)
    if owner_organisation is not None or owner is not None or due_on is not None:
        check_owner(errors, owner_organisation, owner, due_on)
    if owner is not None and not case_members(item.case).filter(pk=owner.pk).exists():
        errors.add("owner", _("Choose a member of this case."))
    errors.raise_if_any()
    decision = Decision(
        item=item,
        text=text.strip(),
        owner_organisation=owner_organisation,
        owner=owner,
        due_on=due_on,
        decided_by=by,
    )
    decision.save()
    return decision


@action
def decision_set_status(*, by, decision: Decision, status: str) -> Decision:
    """Mark a decision's action done or dropped (the organisers or its owner)."""
    if not (may_organise_meetings(by) or decision.owner_id == by.pk):
        raise PermissionDenied
    if status not in ActionStatus.values:
        raise ValidationError({"status": [_("Choose open, done or dropped.")]})
    decision.status, decision.status_changed_at = status, timezone.now()
    decision.save(update_fields=["status", "status_changed_at"])
    return decision
