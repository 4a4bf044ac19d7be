"""What the communities module adds to the navigation, the district page and a signal's page."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.communities.access import (
    COMMUNITY_ROLES,
    active_in,
    get_restore_plan_for_user,
    visible_contacts,
    visible_relationships,
)
from samen.communities.models import (
    STATE_ORDER,
    Community,
    Contact,
    Relationship,
    RelationshipChange,
)
from samen.communities.plan_actions import FOLLOW_UP_KIND
from samen.core.follow_ups import add_follow_up_start, add_reference_resolver
from samen.core.navigation import add_nav_item, add_panel

add_nav_item(_("Communities"), "communities:list", roles=COMMUNITY_ROLES, order=25)

# "Lately" on the district page: the changes a coordinator should not have missed.
LATELY = datetime.timedelta(days=60)
LATEST = 8


def _deterioration() -> Q:
    """RelationshipChange.is_deterioration as a database condition (to a later state), so
    that the latest deteriorations are found however many other changes came after them."""
    condition = Q(pk__in=[])
    for before, rank in STATE_ORDER.items():
        later = [state for state, other in STATE_ORDER.items() if other > rank]
        if later:
            condition |= Q(from_state=before, to_state__in=later)
    return condition


@add_panel("district", "communities/panels/district.html", roles=COMMUNITY_ROLES, order=40)
def relationships_in_district(request, place):
    """Relationships that weakened or broke lately, and this month's contacts, in `place`."""
    here = Community.objects.filter(active_in(place))
    relationships = visible_relationships(
        Relationship.objects.filter(Q(community__in=here) | Q(other__in=here)), request.user
    )
    today = timezone.localdate()
    worse = list(
        RelationshipChange.objects.filter(
            _deterioration(),
            relationship__in=relationships.values("pk"),
            changed_on__gte=today - LATELY,
        )
        .select_related("relationship__community", "relationship__other")
        .order_by("-changed_on", "-pk")[:LATEST]
    )
    month = visible_contacts(
        Contact.objects.filter(
            communities__in=here, occurred_on__gte=today.replace(day=1), occurred_on__lte=today
        ),
        request.user,
    ).distinct()
    return {
        "place": place,
        "worse": worse,
        "contacts_this_month": month.count(),
        "latest_contacts": month.order_by("-occurred_on", "-pk").prefetch_related("communities")[
            :5
        ],
    }


def _restore_plan_url(user, identifier: str) -> str | None:
    """The restore plan behind a signal's follow-up, for those who may open it."""
    try:
        plan = get_restore_plan_for_user(user, identifier)
    except Http404:
        return None
    return reverse("communities:restore_plan", args=[plan.pk])


add_follow_up_start(FOLLOW_UP_KIND, _("Start a restore plan"), "communities:restore_plan_new")
add_reference_resolver(FOLLOW_UP_KIND, _restore_plan_url)
