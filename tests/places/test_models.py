"""Places and their period of validity (samen/places/models.py)."""

import datetime

from django.db import connection

from samen.places.models import Place, without_boundaries

DAY = datetime.date(2025, 1, 1)


def test_a_place_is_valid_from_its_first_day_until_the_day_before_it_ends(db):
    place = Place(valid_from=DAY, valid_until=datetime.date(2026, 1, 1))
    assert not place.is_valid_on(DAY - datetime.timedelta(days=1))
    assert place.is_valid_on(DAY)
    assert place.is_valid_on(datetime.date(2025, 12, 31))
    assert not place.is_valid_on(datetime.date(2026, 1, 1))
    assert Place().is_valid_on(DAY)


def test_querysets_keep_the_places_valid_on_a_day_and_split_by_kind(db):
    borsbeek = Place.objects.get(code="11007A")
    assert borsbeek not in Place.objects.valid_on(datetime.date(2024, 12, 31))
    assert borsbeek in Place.objects.valid_on(DAY)
    assert borsbeek in Place.objects.current()
    assert borsbeek.is_current
    assert set(Place.objects.districts().values_list("kind", flat=True)) == {"district"}
    assert not Place.objects.neighbourhoods().filter(kind="city").exists()


def test_a_place_is_named_by_its_name(db):
    assert str(Place.objects.get(code="11002S")) == "Borgerhout"


def test_without_boundary_leaves_the_boundary_out_of_the_query(db):
    boundary = connection.ops.quote_name("boundary")
    everything = str(Place.objects.all().query)
    assert boundary in everything
    assert boundary not in str(Place.objects.without_boundary().query)


def test_without_boundaries_leaves_the_boundaries_of_joined_places_out(db):
    boundary = connection.ops.quote_name("boundary")
    joined = without_boundaries(Place.objects.without_boundary(), "parent")
    assert boundary not in str(joined.query)
    assert connection.ops.quote_name("name_nl") in str(joined.query)
