"""The network page: the picture and, beside it, the same findings as tables."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samen.communities import network
from samen.communities.access import (
    SEE_ALL_ROLES,
    active_in,
    check_may_use,
    visible_communities,
    visible_relationships,
)
from samen.communities.forms import NetworkFilterForm
from samen.communities.models import CONNECTING_STATES, Community, Relationship
from samen.places.models import Place


def _districts(user):
    districts = Place.objects.current().districts().without_boundary().order_by("name_nl")
    if user.role in SEE_ALL_ROLES:
        return districts
    return districts.filter(pk=user.home_district_id)


@require_GET
@login_required
def network_page(request: HttpRequest) -> HttpResponse:
    """The relationship network of a district (or the city) and a theme, as this person sees it."""
    user = request.user
    check_may_use(user)
    districts = _districts(user)
    data = request.GET.copy()
    if user.role not in SEE_ALL_ROLES:
        data.setdefault("district", str(user.home_district_id or ""))
    form = NetworkFilterForm(data, districts=districts)
    communities = visible_communities(Community.objects.filter(is_active=True), user)
    district = theme = None
    if form.is_valid():
        district, theme = form.cleaned_data["district"], form.cleaned_data["theme"]
        if district is not None:
            communities = communities.filter(active_in(district))
        if theme is not None:
            communities = communities.filter(themes=theme)
    names = dict(communities.values_list("pk", "name"))
    ties = [
        network.Tie(first, second, state, strength, pk)
        for pk, first, second, state, strength in visible_relationships(
            Relationship.objects.filter(
                state__in=CONNECTING_STATES,
                community__in=list(names),
                other__in=list(names),
            ),
            user,
        ).values_list("pk", "community_id", "other_id", "state", "strength")
    ]
    found = network.build(names, ties)
    # An isolated community that has lost its tie with the city too is the most alone.
    with_city = set(
        visible_relationships(
            Relationship.objects.filter(
                other__isnull=True, state__in=CONNECTING_STATES, community__in=found.isolated
            ),
            user,
        ).values_list("community_id", flat=True)
    )
    relationship_of = {(t.first, t.second): t.relationship for t in ties}
    return render(
        request,
        "communities/network.html",
        {
            "form": form,
            "district": district,
            "theme": theme,
            "picture": network.draw(found, names),
            "found": found,
            "isolated": [(pk, names[pk], pk in with_city) for pk in found.isolated],
            "weakly_connected": [(pk, names[pk]) for pk in found.weakly_connected],
            "articulation_points": [(pk, names[pk]) for pk in found.articulation_points],
            "bridges": [
                (names[a], names[b], relationship_of.get((a, b)) or relationship_of.get((b, a)))
                for a, b in found.bridges
            ],
            "ties": len(ties),
        },
    )
