"""An action's page: its facts, its progress history, the form to record progress; editing it
and linking another module's record to it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.core.categories import signal_category_names
from samen.core.follow_ups import reference_shown
from samen.policy import actions
from samen.policy.access import (
    check_may_update_action,
    get_action_for_user,
    may_update_action,
    visible_initiatives,
)
from samen.policy.forms import ActionForm, LinkForm, ProgressForm, show_refusal
from samen.policy.models import ExtremismType, LifeDomain
from samen.policy.progress import expected_progress, is_behind, is_overdue
from samen.policy.views import form_page


def _labels(codes, names) -> list[str]:
    return [str(names.get(code, code)) for code in codes]


def _action_page(request, action, *, progress_form=None, link_form=None, status=200):
    user = request.user
    today = timezone.localdate()
    linked = [reference_shown(user, reference) for reference in action.linked_records]
    return render(
        request,
        "policy/action.html",
        {
            "action": action,
            "partners": action.partners.all(),
            "places": action.places.all(),
            "life_domains": _labels(action.life_domains, dict(LifeDomain.choices)),
            "categories": _labels(action.signal_categories, signal_category_names()),
            "extremism_types": _labels(action.extremism_types, dict(ExtremismType.choices)),
            "updates": action.progress_updates.select_related("by"),
            "initiatives": visible_initiatives(user).filter(actions=action),
            "linked": [(text, url) for text, url in linked if text],
            "expected": expected_progress(action, today),
            "behind": is_behind(action, today),
            "overdue": is_overdue(action, today),
            "may_update": may_update_action(user, action),
            "progress_form": progress_form or ProgressForm(initial={"progress": action.progress}),
            "link_form": link_form or LinkForm(),
        },
        status=status,
    )


@require_GET
@login_required
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _action_page(request, get_action_for_user(request.user, pk))


@require_POST
@login_required
def action_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Record progress on an action, from the form on its page."""
    user = request.user
    action = get_action_for_user(user, pk)
    check_may_update_action(user, action)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            actions.action_progress_record(by=user, action=action, **form.cleaned_data)
        except ValidationError as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("The progress is recorded."))
            return redirect("policy:action", pk=action.pk)
    action.refresh_from_db()
    return _action_page(request, action, progress_form=form, status=400)


@require_POST
@login_required
def action_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a record of another module (a restore plan) part of this action."""
    user = request.user
    action = get_action_for_user(user, pk)
    check_may_update_action(user, action)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            actions.action_link_record(by=user, action=action, **form.cleaned_data)
        except ValidationError as refused:
            show_refusal(form, refused)
        else:
            messages.success(request, _("The record is part of the action now."))
            return redirect("policy:action", pk=action.pk)
    return _action_page(request, action, link_form=form, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    action = get_action_for_user(user, pk)
    check_may_update_action(user, action)
    form = ActionForm(
        request.POST or None, plan=action.plan, initial=ActionForm.initial_from(action)
    )

    def done(saved):
        messages.success(request, _("The action is saved."))
        return redirect("policy:action", pk=saved.pk)

    return form_page(
        request,
        form,
        lambda: actions.action_update(by=user, action=action, fields=form.to_fields()),
        done=done,
        context={"title": str(action), "back": ("policy:action", (action.pk,))},
    )
