"""Case work on one case's page: assessments, the support plan, police exchanges.

Each view gets the case through access.get_case_for_reader first (404 to outsiders, the
same as for a case that does not exist), validates a form, and calls one action.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.cases import access
from samen.cases.access.work import case_members
from samen.cases.actions.assessments import assessment_sign
from samen.cases.actions.police import police_exchange_record
from samen.cases.actions.support import (
    aftercare_review_record,
    plan_action_add,
    plan_action_set_status,
    plan_close,
    plan_open,
    plan_review_add,
)
from samen.cases.forms.work import (
    AftercareReviewForm,
    AssessmentForm,
    PlanActionForm,
    PlanCloseForm,
    PlanReviewForm,
    PoliceExchangeForm,
    StatusForm,
)
from samen.cases.models import DOMAINS, Case, SupportPlan
from samen.cases.views.guards import case_page
from samen.cases.views.replies import back, case_url, submit


def _support(request: HttpRequest, case: Case, form, write, done: str) -> HttpResponse:
    """Validate `form`, call `write()` and go back to the case's support plan."""
    return submit(request, case_url(case), form, write, done, "support")


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
            return back(request, case_url(case), anchor="assessments")
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
    return submit(
        request,
        case_url(case),
        form,
        lambda: police_exchange_record(by=request.user, case=case, **form.cleaned_data),
        _("The exchange is recorded."),
        "police",
    )


@require_POST
@case_page
def support_plan_open(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    return _support(
        request,
        case,
        None,
        lambda: plan_open(by=request.user, case=case),
        _("The support plan is started."),
    )


@require_POST
@case_page
def support_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan = _plan(case)
    form = PlanActionForm(request.POST, owners=case_members(case))
    return _support(
        request,
        case,
        form,
        lambda: plan_action_add(by=request.user, plan=plan, **form.cleaned_data),
        _("The action is added to the plan."),
    )


@require_POST
@case_page
def support_action_status(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan_action = get_object_or_404(_plan(case).actions, pk=action_pk)
    form = StatusForm(request.POST)
    return _support(
        request,
        case,
        form,
        lambda: plan_action_set_status(
            by=request.user, plan_action=plan_action, status=form.cleaned_data["status"]
        ),
        _("The action's status is changed."),
    )


@require_POST
@case_page
def support_review_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan = _plan(case)
    form = PlanReviewForm(request.POST)
    return _support(
        request,
        case,
        form,
        lambda: plan_review_add(by=request.user, plan=plan, **form.cleaned_data),
        _("The review is saved."),
    )


@require_POST
@case_page
def support_plan_close(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    plan = _plan(case)
    form = PlanCloseForm(request.POST)
    return _support(
        request,
        case,
        form,
        lambda: plan_close(by=request.user, plan=plan, reason=form.cleaned_data["reason"]),
        _("The support plan is closed; its aftercare reviews are scheduled."),
    )


@require_POST
@case_page
def support_aftercare_review(request: HttpRequest, pk: int, review_pk: int) -> HttpResponse:
    case = access.get_case_for_reader(request, pk, purpose="support plan")
    review = get_object_or_404(_plan(case).aftercare_reviews, pk=review_pk)
    form = AftercareReviewForm(request.POST)
    return _support(
        request,
        case,
        form,
        lambda: aftercare_review_record(by=request.user, review=review, **form.cleaned_data),
        _("The aftercare review is recorded."),
    )
