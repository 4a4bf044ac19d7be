"""The demo city's places (samen/places/seed.py)."""

import json

from samen.core.seeding import SeedRun
from samen.places.models import Place
from samen.places.seed import DISTRICT_WEIGHTS, seed_places

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.4, 51.2], [4.5, 51.2], [4.5, 51.3], [4.4, 51.2]]],
}


def run_in(folder):
    said = []
    return SeedRun(seed=1, staff=0, places_dir=folder, out=said.append), said


def test_every_district_has_a_weight(db):
    assert set(DISTRICT_WEIGHTS) == set(Place.objects.districts().values_list("code", flat=True))


def test_without_a_folder_the_districts_come_without_maps(db):
    run, said = run_in(None)
    seed_places(run)
    assert said == ["No boundary folder given: districts are listed without maps."]
    assert [d.code for d in run.districts] == sorted(d.code for d in run.districts)
    assert len(run.districts) == Place.objects.current().districts().count()


def test_the_boundaries_in_the_folder_are_imported(db, tmp_path):
    run, said = run_in(tmp_path)
    seed_places(run)
    assert "no maps" in said[0]
    feature = {
        "type": "Feature",
        "properties": {"district_code": "11002S", "district_name": "Borgerhout"},
        "geometry": SQUARE,
    }
    collection = {"type": "FeatureCollection", "features": [feature]}
    (tmp_path / "antwerp_districts.geojson").write_text(json.dumps(collection))
    run, said = run_in(tmp_path)
    seed_places(run)
    assert said == ["antwerp_districts.geojson: boundaries of 1 district."]
    assert Place.objects.get(code="11002S").boundary == SQUARE
