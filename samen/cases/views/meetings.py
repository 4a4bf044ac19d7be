"""Meetings: the list (and scheduling), a meeting's page, and the chair's writes on it.

A meeting comes only through access.work.get_meeting_for_reader, which shows each reader only
the agenda items of cases they may know of and reads each case through its door; an item is
written through access.work.get_item_for_writer. Outsiders get 404 everywhere.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.cases import access
from samen.cases.access.work import (
    agenda_candidates,
    agenda_candidates_for_organiser,
    attendance_visible_to,
    case_members,
    check_may_organise,
    get_item_for_writer,
    get_meeting_for_reader,
    may_organise_meetings,
    meeting_candidates,
    meetings_visible_to,
)
from samen.cases.actions import meetings as meeting_actions
from samen.cases.forms.work import (
    AgendaForm,
    AttendanceForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
    StatusForm,
)
from samen.cases.models import ActionStatus, Decision
from samen.cases.views.guards import case_page
from samen.cases.views.replies import submit
from samen.people.models import User


def _chairs():
    """The members who may chair: the prevention official, the mayor and their delegates."""
    seated = User.objects.filter(case_seats__is_active=True).distinct()
    chairs = [user.pk for user in seated if may_organise_meetings(user)]
    return User.objects.filter(pk__in=chairs).order_by("full_name")


def _meeting_url(meeting_pk: int) -> str:
    return reverse("cases:meeting", args=[meeting_pk])


@require_http_methods(["GET", "POST"])
@case_page
def meetings(request: HttpRequest) -> HttpResponse:
    """The meetings this member may know of; organisers schedule the next one here. No
    acknowledgement is needed: the list shows no case, and acknowledging needs a meeting."""
    access.check_case_session(request, acknowledged=False)
    if request.method == "POST":
        check_may_organise(request.user)
    form = None
    # Only an organiser gets the form: finding who may chair asks about every seated member.
    if may_organise_meetings(request.user):
        form = MeetingForm(request.POST or None, chairs=_chairs(), initial={"chair": request.user})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_actions.meeting_schedule(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting is scheduled."))
            return redirect("cases:meeting", pk=meeting.pk)
    listed = meetings_visible_to(request.user).select_related("chair", "cycle")[:50]
    return render(request, "cases/work/meeting_list.html", {"meetings": listed, "form": form})


@require_GET
@case_page
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_meeting_for_reader(request, pk)
    meeting, user = found.meeting, request.user
    organiser = may_organise_meetings(user)
    context = {
        "meeting": meeting,
        "items": found.items,
        "attendance": attendance_visible_to(user, meeting, found.items),
        "organiser": organiser,
        "today": access.today(),
        "status_choices": ActionStatus.choices,
        "reader": user,
        "printed_at": timezone.localtime(),
    }
    if organiser:
        members = meeting_candidates(meeting)
        recorded = {a.user_id: a.status for a in meeting.attendance.all()}
        for item in found.items:
            # Forms per item, with ids of their own so that every label finds its field.
            item.minutes_form = MinutesForm(
                initial={"minutes": item.minutes}, prefix=f"item-{item.pk}"
            )
            # A decision's owner is a member of that item's case only: offering the invitees
            # of the other cases on the agenda would tell who else is invited where.
            item.decision_form = DecisionForm(
                owners=case_members(item.case), auto_id=f"decision-{item.pk}-%s"
            )
        context.update(
            agenda_form=AgendaForm(cases=agenda_candidates_for_organiser(request, meeting)),
            attendance_form=AttendanceForm(
                members=members,
                initial={f"member-{pk}": status for pk, status in recorded.items()},
            ),
        )
    return render(request, "cases/work/meeting_detail.html", context)


@require_POST
@case_page
def meeting_agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_reader(request, pk).meeting
    check_may_organise(request.user)
    form = AgendaForm(request.POST, cases=agenda_candidates(meeting))
    return submit(
        request,
        _meeting_url(pk),
        form,
        lambda: meeting_actions.agenda_add(
            by=request.user, meeting=meeting, case=form.cleaned_data["case"]
        ),
        _("The case is on the agenda."),
        "agenda",
    )


@require_POST
@case_page
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_reader(request, pk).meeting
    check_may_organise(request.user)
    form = AttendanceForm(request.POST, members=meeting_candidates(meeting))
    return submit(
        request,
        _meeting_url(pk),
        form,
        lambda: meeting_actions.attendance_record(
            by=request.user, meeting=meeting, statuses=form.statuses()
        ),
        _("The attendance is recorded."),
        "attendance",
    )


@require_POST
@case_page
def item_minutes(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_writer(request, pk, item_pk)
    check_may_organise(request.user)
    form = MinutesForm(request.POST, prefix=f"item-{item.pk}")
    return submit(
        request,
        _meeting_url(pk),
        form,
        lambda: meeting_actions.minutes_write(
            by=request.user, item=item, minutes=form.cleaned_data["minutes"]
        ),
        _("The minutes are saved."),
        f"item-{item.pk}",
    )


@require_POST
@case_page
def item_decision(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_writer(request, pk, item_pk)
    check_may_organise(request.user)
    form = DecisionForm(request.POST, owners=case_members(item.case))
    return submit(
        request,
        _meeting_url(pk),
        form,
        lambda: meeting_actions.decision_record(by=request.user, item=item, **form.cleaned_data),
        _("The decision is recorded."),
        f"item-{item.pk}",
    )


@require_POST
@case_page
def decision_status(request: HttpRequest, pk: int, item_pk: int, decision_pk: int) -> HttpResponse:
    item = get_item_for_writer(request, pk, item_pk)
    decision = get_object_or_404(Decision, item=item, pk=decision_pk)
    form = StatusForm(request.POST)
    return submit(
        request,
        _meeting_url(pk),
        form,
        lambda: meeting_actions.decision_set_status(
            by=request.user, decision=decision, status=form.cleaned_data["status"]
        ),
        _("The decision's status is changed."),
        f"item-{item.pk}",
    )
