"""What the places module adds to pages (samen/places/panels.py)."""

from django.test import RequestFactory

from samen.places.models import Place
from samen.places.panels import home_city, home_district, neighbourhoods


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_a_district_worker_sees_their_district_at_home(personas):
    assert home_district(request_of(personas.frontline)) == {"district": personas.borgerhout}
    assert home_district(request_of(personas.analyst)) is None


def test_city_wide_roles_see_the_current_districts_at_home(personas):
    districts = list(home_city(request_of(personas.analyst))["districts"])
    assert personas.borgerhout in districts
    assert all(d.kind == Place.Kind.DISTRICT for d in districts)


def test_the_district_page_lists_its_neighbourhoods_or_nothing(personas):
    request = request_of(personas.frontline)
    assert neighbourhoods(request, personas.borgerhout) is None
    district = personas.borgerhout
    Place.objects.create(kind="neighbourhood", code="B01", name_nl="Dam", parent=district)
    listed = neighbourhoods(request, district)["neighbourhoods"]
    assert [p.code for p in listed] == ["B01"]
