"""Restore plans: the list (behind first), opening one (also from a signal), its page and steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.communities import plan_actions
from samen.communities.access import (
    check_may_edit_relationship,
    check_may_use,
    editable_relationships,
    get_relationship_for_user,
    get_restore_plan_for_user,
    may_edit_relationship,
    visible_restore_plans,
)
from samen.communities.forms import ClosePlanForm, RestoreActionForm, RestorePlanForm
from samen.communities.models import Relationship, RestorePlan
from samen.communities.views import form_problems
from samen.core.follow_ups import signal_to_follow_up, signal_visible
from samen.core.lists import render_list


@require_GET
@login_required
def restore_plan_list(request: HttpRequest) -> HttpResponse:
    check_may_use(request.user)
    plans = visible_restore_plans(RestorePlan.objects.with_behind(), request.user)
    if request.GET.get("status") != "all":
        plans = plans.filter(status=RestorePlan.Status.OPEN)
    plans = plans.select_related("relationship__community", "relationship__other")
    return render_list(
        request,
        "communities/restore_plan_list.html",
        "communities/restore_plan_rows.html",
        plans,
        {"show_all": request.GET.get("status") == "all"},
        ordering=("-behind", "-created_at", "-pk"),
    )


@require_http_methods(["GET", "POST"])
@login_required
def restore_plan_new(request: HttpRequest) -> HttpResponse:
    """Open a restore plan for `?relationship=<pk>`, or follow up `?signal=<pk>` with one."""
    user = request.user
    signal, relationship = None, None
    if request.GET.get("signal"):
        signal = signal_to_follow_up(user, request.GET["signal"])
    if request.GET.get("relationship"):
        relationship = get_relationship_for_user(user, request.GET["relationship"])
        check_may_edit_relationship(user, relationship)
    else:
        check_may_use(user)
        if not editable_relationships(Relationship.objects.all(), user).exists():
            raise PermissionDenied
    initial = {"relationship": relationship.pk} if relationship else {}
    district = signal.district if signal is not None else None
    form = RestorePlanForm(request.POST or None, user=user, district=district, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = plan_actions.restore_plan_create(by=user, signal=signal, **data)
        except ValidationError as error:
            form_problems(form, error)
        else:
            messages.success(request, _("The restore plan is opened: now add its actions."))
            return redirect("communities:restore_plan", pk=plan.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "signal": signal, "relationship": relationship}
    return render(request, "communities/restore_plan_new.html", context, status=status)


@require_GET
@login_required
def restore_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_restore_plan_for_user(request.user, pk))


def _detail(request, plan, status=200, action_form=None, close_form=None) -> HttpResponse:
    # The signal is linked only for those who may open it (its own module's rule).
    signal_pk = plan.signal_id if signal_visible(request.user, plan.signal_id) else None
    return render(
        request,
        "communities/restore_plan_detail.html",
        {
            "plan": plan,
            "steps": plan.actions.select_related("owner"),
            "today": timezone.localdate(),
            "may_edit": may_edit_relationship(request.user, plan.relationship),
            "signal_pk": signal_pk,
            "action_form": action_form or RestoreActionForm(plan=plan),
            "close_form": close_form or ClosePlanForm(),
        },
        status=status,
    )


@require_POST
@login_required
def restore_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_restore_plan_for_user(request.user, pk)
    check_may_edit_relationship(request.user, plan.relationship)
    form = RestoreActionForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            plan_actions.restore_action_add(by=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form_problems(form, error)
        else:
            return redirect("communities:restore_plan", pk=plan.pk)
    return _detail(request, plan, status=400, action_form=form)


@require_POST
@login_required
def restore_action_done(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    plan = get_restore_plan_for_user(request.user, pk)
    check_may_edit_relationship(request.user, plan.relationship)
    found = get_object_or_404(plan.actions, pk=step)
    try:
        plan_actions.restore_action_done(by=request.user, step=found)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("communities:restore_plan", pk=plan.pk)


@require_POST
@login_required
def restore_plan_close(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_restore_plan_for_user(request.user, pk)
    check_may_edit_relationship(request.user, plan.relationship)
    form = ClosePlanForm(request.POST)
    if form.is_valid():
        try:
            plan_actions.restore_plan_close(by=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            form_problems(form, error)
        else:
            messages.success(request, _("The restore plan is closed."))
            return redirect("communities:restore_plan", pk=plan.pk)
    return _detail(request, plan, status=400, close_form=form)
