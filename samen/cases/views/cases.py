"""The case list, a case's page, its one-case export, and the acknowledgement of the rules."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samen.cases import access, crypto
from samen.cases.access.lists import page_for_reader
from samen.cases.access.work import may_organise_meetings
from samen.cases.actions.cases import cycle_open, rules_acknowledge
from samen.cases.forms.cases import (
    CaseSearchForm,
    CloseForm,
    CorrectionForm,
    CycleForm,
    InviteForm,
    ReviewDateForm,
    default_ends_on,
)
from samen.cases.models import ConsultationCycle
from samen.cases.sections import sections_for
from samen.cases.views.guards import case_page, safe_next
from samen.core.lists import render_page


@require_GET
@case_page
def case_list(request: HttpRequest) -> HttpResponse:
    """The cases this member may know of; search by reference or exact full name. Each case
    shown on the page is recorded as read."""
    access.check_case_session(request)
    cases = access.cases_visible_to(request.user)
    form = CaseSearchForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["q"].strip():
        query = form.cleaned_data["q"].strip()
        # The name is matched through the blind index only: never a LIKE on a name column.
        cases = cases.filter(
            Q(reference__iexact=query) | Q(person__name_index=crypto.name_index(query))
        )
    # Open cases first ("open" sorts after "closed"), the next review first among them.
    page = page_for_reader(request, cases, ordering=("-status", "review_on", "pk"))
    return render_page(
        request,
        "cases/case_list.html",
        "cases/case_rows.html",
        page,
        {
            "form": form,
            "controls": access.controls_case_list(request.user),
            "mayor": access.is_mayor(request.user),
            "core": access.is_core_member(request.user),
            "today": access.today(),
        },
    )


@require_GET
@case_page
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="page")
    user = request.user
    controls, core = access.controls_case_list(user), access.is_core_member(user)
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "sections": sections_for(case, reader=user),
            "controls": controls,
            "core": core,
            "close_form": CloseForm(initial={"aftercare_needed": True}),
            "invite_form": InviteForm(initial={"ends_on": default_ends_on()}),
            "correction_form": CorrectionForm(),
            "review_form": ReviewDateForm(initial={"review_on": case.review_on}),
        },
    )


@require_GET
@case_page
def case_export(request: HttpRequest, pk: int) -> HttpResponse:
    """One case as a printable page, the reader's name and the time on every printed page."""
    case = access.get_case_for_reader(request, pk, purpose="export")
    return render(
        request,
        "cases/case_export.html",
        {
            "case": case,
            "sections": sections_for(case, reader=request.user, export=True),
            "reader": request.user,
            "printed_at": timezone.localtime(),
        },
    )


@require_http_methods(["GET", "POST"])
@case_page
def acknowledge(request: HttpRequest) -> HttpResponse:
    """The confidentiality rules, acknowledged for each meeting before any case is read."""
    access.check_case_session(request, acknowledged=False)
    meeting = access.meeting_to_acknowledge(request.user)
    target = safe_next(request, reverse("cases:list"))
    if request.method == "POST" and meeting is not None:
        if request.POST.get("agree") != "yes":
            messages.error(request, _("Tick the box to acknowledge the rules."))
        elif request.POST.get("meeting") != str(meeting.pk):
            # The page read named another meeting (a new meeting's date came meanwhile).
            messages.error(
                request, _("The meeting to acknowledge the rules for has changed: read them again.")
            )
        else:
            try:
                rules_acknowledge(by=request.user, meeting=meeting)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                return redirect(target)
    return render(
        request,
        "cases/acknowledge.html",
        {
            "meeting": meeting,
            "acknowledged": access.has_acknowledged(request.user, meeting),
            "next": target,
            "organiser": may_organise_meetings(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@case_page
def cycles(request: HttpRequest) -> HttpResponse:
    """The meeting cycles; the core opens the next one (no acknowledgement needed for this)."""
    access.check_case_session(request, acknowledged=False)
    access.check_core_member(request.user)
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle_open(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The meeting cycle is open."))
            return redirect("cases:cycles")
    return render(
        request,
        "cases/cycles.html",
        {"form": form, "cycles": ConsultationCycle.objects.all()[:20]},
    )
