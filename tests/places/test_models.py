"""Places and their period of validity (samen/places/models.py)."""

import datetime

from samen.places.models import Place

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
