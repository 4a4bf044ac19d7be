"""Antwerp's districts as shipped (samen/places/antwerp.py)."""

from samen.places.antwerp import CITY, DISTRICTS, ensure_antwerp
from samen.places.models import Place


def test_the_city_has_ten_districts_with_unique_codes():
    codes = [d["code"] for d in DISTRICTS]
    assert len(codes) == 10 == len(set(codes))


def test_ensuring_antwerp_adds_what_is_missing_and_keeps_the_rest(db):
    Place.objects.filter(code="11002P").delete()
    Place.objects.filter(code="11002S").update(name_en="Borgerhout district")
    ensure_antwerp(Place)
    ensure_antwerp(Place)
    city = Place.objects.get(code=CITY["code"])
    assert city.kind == "city"
    assert Place.objects.filter(parent=city, kind="district").count() == 10
    assert Place.objects.get(code="11002S").name_en == "Borgerhout district"
