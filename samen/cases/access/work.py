"""Who may do which case work, and the one way to read a meeting.

Security-critical. Everything here builds on samen.cases.access: a case is read only through
`access.get_case_for_reader`, or `access.get_cases_for_reader` for a meeting's agenda (404 to
outsiders, second factor, acknowledgement, read logged), and a meeting shows each reader only
the agenda items of cases in `access.cases_visible_to`. A meeting with no item the reader may
see does not exist for them (404), unless they sit at the table. Organising meetings
(scheduling, agenda, attendance, minutes, decisions) is for the municipal prevention official,
who chairs, and for the mayor or a delegate.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest

from samen.cases import access
from samen.cases.access.lists import listed_for_reader
from samen.cases.models import (
    AgendaItem,
    Attendance,
    Case,
    CoreSeat,
    Invitation,
    Meeting,
)
from samen.people.models import User


def may_organise_meetings(user) -> bool:
    """The prevention official (a granting seat) or the mayor and their delegates."""
    seats = access.granting_seats(user)
    if any(seat.kind == CoreSeat.Kind.PREVENTION_OFFICIAL for seat in seats):
        return True
    return bool(seats) and access.controls_case_list(user)


def check_may_organise(user) -> None:
    """Refuse (403) a member who may read a meeting but not run it."""
    if not may_organise_meetings(user):
        raise PermissionDenied


def check_case_worker(user, case: Case) -> None:
    """Refuse (403) a write on `case` by someone who may not know of it (views 404 first)."""
    if not access.cases_visible_to(user).filter(pk=case.pk).exists():
        raise PermissionDenied


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Every meeting for the core; for an invited professional, the meetings with an item of
    a case they may know of; none for anyone else."""
    if access.is_core_member(user):
        return Meeting.objects.all()
    items = AgendaItem.objects.filter(
        meeting=OuterRef("pk"), case__in=access.cases_visible_to(user)
    )
    return Meeting.objects.filter(Exists(items))


@dataclass
class MeetingForReader:
    meeting: Meeting
    items: list[AgendaItem]
    """Only the items of cases the reader may know of, each read through the case's door."""


def get_meeting_for_reader(request: HttpRequest, pk) -> MeetingForReader:
    """Return meeting `pk` with the agenda items `request.user` may see, recording a read of
    each of their cases. Http404 for a meeting that does not exist or that the reader may not
    know of; the same refusals as get_case_for_reader otherwise."""
    access.check_case_session(request)
    try:
        meeting = meetings_visible_to(request.user).select_related("chair", "cycle").get(pk=pk)
    except (Meeting.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    visible = access.cases_visible_to(request.user)
    items = list(
        meeting.items.filter(case__in=visible)
        .select_related("minutes_by")
        .prefetch_related("decisions__owner", "decisions__owner_organisation")
    )
    # The one door, for the whole agenda: a read of each case whose minutes are shown, with
    # where it was read, all recorded in one INSERT.
    cases = access.get_cases_for_reader(
        request, [item.case_id for item in items], purpose=f"meeting {meeting.pk}"
    )
    by_pk = {case.pk: case for case in cases}
    for item in items:
        item.case = by_pk[item.case_id]
    return MeetingForReader(meeting=meeting, items=items)


def agenda_candidates(meeting: Meeting) -> QuerySet[Case]:
    """The open cases the chair may know of that are not on `meeting`'s agenda yet."""
    return (
        access.cases_visible_to(meeting.chair)
        .filter(status=Case.Status.OPEN)
        .exclude(agenda_items__meeting=meeting)
        .order_by("reference")
    )


def agenda_candidates_for_organiser(request: HttpRequest, meeting: Meeting) -> QuerySet[Case]:
    """The agenda's choice of cases as offered to an organiser on the meeting's page. Each
    candidate's reference is shown, so each is recorded as read in a list; the choice offers
    only cases that were recorded."""
    shown = listed_for_reader(request, agenda_candidates(meeting))
    return Case.objects.filter(pk__in=[case.pk for case in shown]).order_by("reference")


def get_item_for_writer(request: HttpRequest, meeting_pk, item_pk) -> AgendaItem:
    """Return an agenda item of a case the writer may know of, reading the case through its
    door; Http404 otherwise. Whether they may change it is the action's question (403)."""
    access.check_case_session(request)
    try:
        item = AgendaItem.objects.select_related("meeting").get(
            pk=item_pk,
            meeting_id=meeting_pk,
            case__in=access.cases_visible_to(request.user),
        )
    except (AgendaItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    item.case = access.get_case_for_reader(request, item.case_id, purpose="minutes")
    return item


def seated_today() -> QuerySet[CoreSeat]:
    """The core seats that give access today, in one query (access.granting_seat_rule, the
    same rule as CoreSeat.grants_access), so that member lists for owners and attendance cost
    one query. tests/cases/access/test_work.py keeps them equal."""
    return CoreSeat.objects.filter(access.granting_seat_rule(access.today()))


def meeting_candidates(meeting: Meeting) -> QuerySet[User]:
    """Who may attend: the core seated today and the current invitees of the agenda's cases."""
    invited = Invitation.objects.filter(
        access.current_invitation_rule(access.today()), case__in=meeting.items.values("case")
    ).values("user")
    seated = seated_today().values("user")
    return User.objects.filter(Q(pk__in=seated) | Q(pk__in=invited)).order_by("full_name")


def attendance_visible_to(user, meeting: Meeting, items: list[AgendaItem]) -> list[Attendance]:
    """The attendance a reader may see: all of it for the core; for an invited professional
    the core, themselves, and the invitees of the cases they see. That a person is invited to
    another case is itself something of that case, so it is not shown."""
    records = meeting.attendance.select_related("user").order_by("user__full_name")
    if access.is_core_member(user):
        return list(records)
    seated = CoreSeat.objects.filter(is_active=True).values("user")
    invited = Invitation.objects.filter(case__in=[item.case_id for item in items]).values("user")
    return list(records.filter(Q(user__in=seated) | Q(user__in=invited) | Q(user=user)))


def case_members(case: Case) -> QuerySet[User]:
    """The core seated today and the current invitees of `case`: who may own its actions."""
    invited = case.invitations.filter(access.current_invitation_rule(access.today())).values("user")
    seated = seated_today().values("user")
    return User.objects.filter(Q(pk__in=seated) | Q(pk__in=invited)).order_by("full_name")
