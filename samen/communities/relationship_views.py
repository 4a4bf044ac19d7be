"""Relationships: recording one, its page and history, changing its state, logging contacts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.communities import actions
from samen.communities.access import (
    check_may_edit_community,
    check_may_edit_relationship,
    get_community_for_user,
    get_relationship_for_user,
    may_edit_relationship,
    visible_contacts,
    visible_restore_plans,
)
from samen.communities.forms import ContactForm, RelationshipForm, StateChangeForm
from samen.communities.models import RestorePlan
from samen.communities.views import form_problems


@require_http_methods(["GET", "POST"])
@login_required
def relationship_new(request: HttpRequest) -> HttpResponse:
    """Record a relationship of the community in `?community=<pk>`."""
    community = get_community_for_user(request.user, request.GET.get("community"))
    check_may_edit_community(request.user, community)
    form = RelationshipForm(request.POST or None, user=request.user, community=community)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            relationship = actions.relationship_create(
                by=request.user,
                community=community,
                other=data["other"],
                state=data["state"],
                strength=data["strength"],
                reason=data["reason"],
                on=data["changed_on"],
            )
        except ValidationError as error:
            form_problems(form, error)
        else:
            messages.success(request, _("The relationship is recorded."))
            return redirect("communities:relationship", pk=relationship.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "community": community}
    return render(request, "communities/relationship_new.html", context, status=status)


@require_GET
@login_required
def relationship_detail(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, pk)
    return _detail(request, relationship)


def _detail(request, relationship, status=200, state_form=None) -> HttpResponse:
    user = request.user
    contacts = visible_contacts(relationship.contacts.all(), user)
    plans = visible_restore_plans(relationship.restore_plans.with_behind(), user)
    initial = {"state": relationship.state, "strength": relationship.strength}
    return render(
        request,
        "communities/relationship_detail.html",
        {
            "relationship": relationship,
            "changes": relationship.changes.select_related("changed_by", "contact"),
            "contacts": contacts.select_related("recorded_by").prefetch_related("staff"),
            "plans": plans,
            "has_open_plan": plans.filter(status=RestorePlan.Status.OPEN).exists(),
            "may_edit": may_edit_relationship(user, relationship),
            "state_form": state_form or StateChangeForm(initial=initial),
        },
        status=status,
    )


@require_POST
@login_required
def relationship_change_state(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = get_relationship_for_user(request.user, pk)
    check_may_edit_relationship(request.user, relationship)
    form = StateChangeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.relationship_change_state(
                by=request.user,
                relationship=relationship,
                state=data["state"],
                strength=data["strength"],
                reason=data["reason"],
                on=data["changed_on"],
            )
        except ValidationError as error:
            form_problems(form, error)
        else:
            messages.success(request, _("The relationship's state is changed."))
            return redirect("communities:relationship", pk=relationship.pk)
    relationship.refresh_from_db()
    return _detail(request, relationship, status=400, state_form=form)


@require_http_methods(["GET", "POST"])
@login_required
def contact_new(request: HttpRequest) -> HttpResponse:
    """Log a contact about `?relationship=<pk>` or with `?community=<pk>`."""
    user = request.user
    relationship, community = None, None
    if "relationship" in request.GET:
        relationship = get_relationship_for_user(user, request.GET["relationship"])
        check_may_edit_relationship(user, relationship)
    elif "community" in request.GET:
        community = get_community_for_user(user, request.GET["community"])
        check_may_edit_community(user, community)
    else:
        raise Http404
    initial = {"communities": [c for c in _sides(relationship) or [community] if c]}
    form = ContactForm(request.POST or None, user=user, relationship=relationship, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = actions.ContactFields(
            occurred_on=data["occurred_on"],
            kind=data["kind"],
            summary=data["summary"],
            communities=list(data["communities"]) + ([community] if community else []),
            staff=list(data["staff"]),
            relationship=relationship,
            next_step=data["next_step"],
            next_step_by=data["next_step_by"],
            new_state=data.get("new_state") or "",
            new_strength=data.get("new_strength"),
            reason=data.get("reason") or "",
        )
        try:
            actions.contact_log(by=user, fields=fields)
        except ValidationError as error:
            form_problems(form, error)
        else:
            messages.success(request, _("The contact is logged."))
            if relationship is not None:
                return redirect("communities:relationship", pk=relationship.pk)
            return redirect("communities:detail", pk=community.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "relationship": relationship, "community": community}
    return render(request, "communities/contact_new.html", context, status=status)


def _sides(relationship) -> list:
    if relationship is None:
        return []
    return [relationship.community, relationship.other]
