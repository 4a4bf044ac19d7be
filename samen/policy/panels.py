"""What the prevention policy module adds to the navigation, the home page, the district page
and a signal's follow-ups."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.follow_ups import add_follow_up_start, add_reference_resolver
from samen.core.navigation import add_nav_item, add_panel
from samen.places.models import Place
from samen.policy.access import (
    get_action_for_user,
    get_initiative_for_user,
    may_create_initiatives,
    may_read,
    may_update_action,
    organisation_ids,
    visible_actions,
    visible_initiatives,
)
from samen.policy.initiative_actions import FOLLOW_UP_KIND
from samen.policy.models import Initiative
from samen.policy.progress import behind_among, placed_in
from samen.policy.reports.access import get_report_for_user

# Every signed-in role (roles=None); the views send the anonymous to sign in.
add_nav_item(_("Prevention policy"), "policy:index", order=48)

LATEST = 8


@add_panel("home", "policy/panels/home.html", order=30)
def my_actions_behind(request):
    """The actions of my organisations that are behind or overdue, for those who update them."""
    user = request.user
    if not may_read(user) or not organisation_ids(user):
        return None
    mine = visible_actions(user).filter(owner_id__in=organisation_ids(user))
    behind = [a for a in behind_among(mine, timezone.localdate()) if may_update_action(user, a)]
    if not behind:
        return None
    return {"behind": behind[:LATEST], "more": max(len(behind) - LATEST, 0)}


@add_panel("district", "policy/panels/district.html", order=45)
def initiatives_in_place(request, place: Place):
    """The initiatives running in a district (or a neighbourhood) on its page."""
    if not may_read(request.user) or place.kind == Place.Kind.CITY:
        return None
    running = visible_initiatives(request.user).filter(
        placed_in(Initiative, place), status=Initiative.Status.RUNNING
    )
    return {"place": place, "initiatives": list(running.order_by("title")[:20])}


def _initiative_url(user, identifier: str) -> str | None:
    """The initiative behind a signal's follow-up, for those who may open it."""
    if not identifier.isdigit():
        return None
    try:
        initiative = get_initiative_for_user(user, int(identifier))
    except (Http404, PermissionDenied):
        return None
    return reverse("policy:initiative", args=[initiative.pk])


add_follow_up_start(
    FOLLOW_UP_KIND,
    _("Start an initiative"),
    "policy:initiative_new",
    allowed=may_create_initiatives,
)
add_reference_resolver(FOLLOW_UP_KIND, _initiative_url)


def _action_url(user, identifier: str) -> str | None:
    """A policy action another record refers to ("action:7"), for those who may read it."""
    if not identifier.isdigit():
        return None
    try:
        action = get_action_for_user(user, int(identifier))
    except (Http404, PermissionDenied):
        return None
    return reverse("policy:action", args=[action.pk])


def _report_url(user, identifier: str) -> str | None:
    """A yearly report another record refers to ("report:2"): its plan's or strategy's reports."""
    if not identifier.isdigit():
        return None
    try:
        report = get_report_for_user(user, int(identifier))
    except (Http404, PermissionDenied):
        return None
    if report.plan_id:
        return reverse("policy:plan_reports", args=[report.plan_id])
    return reverse("policy:strategy_reports", args=[report.strategy_id])


add_reference_resolver("action", _action_url)
add_reference_resolver("report", _report_url)
