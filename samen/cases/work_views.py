"""Case work on one case's page: assessments, the support plan, police exchanges.

Each view gets the case through access.get_case_for_reader first (404 to outsiders, the
same as for a case that does not exist), validates a form, and calls one action.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.cases import access
from samen.cases.assessment_actions import assessment_sign
from samen.cases.forms import first_error
from samen.cases.guards import case_page
from samen.cases.models import DOMAINS, Case, SupportPlan
from samen.cases.police_actions import police_exchange_record
from samen.cases.support_actions import (
    follow_up_record,
    plan_action_add,
    plan_action_set_status,
    plan_close,
    plan_open,
    plan_review_add,
)
from samen.cases.work_access import case_members
from samen.cases.work_forms import (
    AssessmentForm,
    FollowUpForm,
    PlanActionForm,
    PlanCloseForm,
    PlanReviewForm,
    PoliceExchangeForm,
    StatusForm,
)


def form_problems(form) -> list[str]:
    """Every message of an invalid form, each prefixed with its field's label."""
    return [
        f"{form.fields[name].label}: {error}" if name in form.fields else str(error)
        for name, errors in form.errors.items()
        for error in errors
    ]


def back_to_case(
    request: HttpRequest, case: Case, problems: list[str] | None = None, anchor: str = ""
) -> HttpResponse:
    for message in problems or []:
        messages.error(request, message)
    target = redirect("cases:detail", pk=case.pk)
    if anchor:
        target["Location"] += f"#{anchor}"
    return target


def run(request: HttpRequest, case: Case, anchor: str, done: str, write) -> HttpResponse:
    """Call `write()`; on a refusal show its messages, otherwise `done`; back to the case."""
    try:
        write()
    except ValidationError as error:
        return back_to_case(request, case, first_error(error), anchor)
    messages.success(request, done)
    return back_to_case(request, case, anchor=anchor)


def _plan(case: Case) -> SupportPlan:
    plan = SupportPlan.objects.filter(case=case).first()
    if plan is None:
        raise Http404
    return plan


@require_http_methods(["GET", "POST"])
@case_page
def assessment_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Write and sign an assessment; it starts from the latest one's texts."""
    case = access.get_case_for_reader(request, pk, purpose="assessment")
    latest = case.assessments.first()
    corrects = None
    asked = request.POST.get("corrects") or request.GET.get("corrects")
    if asked:
        corrects = case.assessments.filter(pk=int(asked) if asked.isdigit() else 0).first()
        if corrects is None:
            raise Http404
    start = corrects or latest
    initial = {"assessed_on": timezone.localdate()}
    if start is not None:
        initial.update({name: getattr(start, name) for name, _label in DOMAINS})
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            assessment_sign(
                by=request.user,
                case=case,
                assessed_on=form.cleaned_data["assessed_on"],
                narratives=form.narratives(),
                corrects=corrects,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The assessment is signed."))
            return back_to_case(request, case, anchor="assessments")
    return render(
        request,
        "cases/work/assessment_form.html",
        {"case": case, "form": form, "corrects": corrects},
    )


@require_POST
@case_page
def police_record(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="police exchange")
    form = PoliceExchangeForm(request.POST, members=case_members(case))
    if not form.is_valid():
        return back_to_case(request, case, form_problems(form), "police")
    return run(
        request,
        case,
        "police",
        _("The exchange is recorded."),
        lambda: police_exchange_record(by=request.user, case=case, **form.cleaned_data),
    )


@require_POST
@case_page
def support_plan_open(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    return run(
        request,
        case,
        "support",
        _("The support plan is started."),
        lambda: plan_open(by=request.user, case=case),
    )


@require_POST
@case_page
def support_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan = _plan(case)
    form = PlanActionForm(request.POST, owners=case_members(case))
    if not form.is_valid():
        return back_to_case(request, case, form_problems(form), "support")
    return run(
        request,
        case,
        "support",
        _("The action is added to the plan."),
        lambda: plan_action_add(by=request.user, plan=plan, **form.cleaned_data),
    )


@require_POST
@case_page
def support_action_status(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan_action = _plan(case).actions.filter(pk=action_pk).first()
    if plan_action is None:
        raise Http404
    form = StatusForm(request.POST)
    if not form.is_valid():
        return back_to_case(request, case, form_problems(form), "support")
    return run(
        request,
        case,
        "support",
        _("The action's status is changed."),
        lambda: plan_action_set_status(
            by=request.user, plan_action=plan_action, status=form.cleaned_data["status"]
        ),
    )


@require_POST
@case_page
def support_review_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan = _plan(case)
    form = PlanReviewForm(request.POST)
    if not form.is_valid():
        return back_to_case(request, case, form_problems(form), "support")
    return run(
        request,
        case,
        "support",
        _("The review is saved."),
        lambda: plan_review_add(by=request.user, plan=plan, **form.cleaned_data),
    )


@require_POST
@case_page
def support_plan_close(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan = _plan(case)
    form = PlanCloseForm(request.POST)
    if not form.is_valid():
        return back_to_case(request, case, form_problems(form), "support")
    return run(
        request,
        case,
        "support",
        _("The support plan is closed; its follow-up reviews are scheduled."),
        lambda: plan_close(by=request.user, plan=plan, reason=form.cleaned_data["reason"]),
    )


@require_POST
@case_page
def support_follow_up(request: HttpRequest, pk: int, follow_up_pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    follow_up = _plan(case).follow_ups.filter(pk=follow_up_pk).first()
    if follow_up is None:
        raise Http404
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        return back_to_case(request, case, form_problems(form), "support")
    return run(
        request,
        case,
        "support",
        _("The follow-up review is recorded."),
        lambda: follow_up_record(by=request.user, follow_up=follow_up, **form.cleaned_data),
    )
