"""Who may open which place pages (samen/places/access.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.places.access import get_place_for_user, visible_places
from samen.places.models import Place


def codes(user) -> set[str]:
    return set(visible_places(Place.objects.all(), user).values_list("code", flat=True))


def test_city_wide_roles_see_every_place(personas):
    assert codes(personas.analyst) == set(Place.objects.values_list("code", flat=True))


def test_a_district_role_sees_its_district_and_the_city_only(personas):
    seen = codes(personas.frontline)
    assert {"11002S", "11002"} <= seen
    assert "11002T" not in seen


def test_a_partner_and_an_anonymous_visitor_see_no_place(personas):
    assert codes(personas.partner) == set()
    assert codes(AnonymousUser()) == set()


def test_a_place_outside_ones_work_is_refused_and_an_unknown_one_is_absent(personas):
    assert get_place_for_user(personas.frontline, "11002S") == personas.borgerhout
    with pytest.raises(PermissionDenied):
        get_place_for_user(personas.frontline, "11002T")
    with pytest.raises(Http404):
        get_place_for_user(personas.analyst, "99999X")
