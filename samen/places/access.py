"""Who may open which place pages.

The city's districts and neighbourhoods are public facts, so a place outside someone's work
is refused with 403 rather than hidden; what a page shows about it is checked by each panel.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from samen.people.roles import CITY_WIDE_ROLES, DISTRICT_ROLES
from samen.places.models import Place


def visible_places(places: QuerySet, user) -> QuerySet:
    """City-wide roles see every place; district roles their home district, its
    neighbourhoods and the city; everyone else none."""
    if not user.is_authenticated:
        return places.none()
    if user.role in CITY_WIDE_ROLES:
        return places
    if user.role in DISTRICT_ROLES and user.home_district_id is not None:
        district = user.home_district_id
        return places.filter(
            Q(pk=district) | Q(parent_id=district) | Q(children__pk=district)
        ).distinct()
    return places.none()


def get_place_for_user(user, code: str):
    """The place with this official code if the user may open its page: 404 if there is no
    such place, 403 if it lies outside the user's work."""
    place = get_object_or_404(Place.objects.select_related("parent", "successor"), code=code)
    if not visible_places(Place.objects.filter(pk=place.pk), user).exists():
        raise PermissionDenied
    return place
