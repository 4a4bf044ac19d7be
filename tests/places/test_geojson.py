"""Reading a GeoJSON file of places (samen/places/geojson.py)."""

import json
from decimal import Decimal

import pytest

from samen.places.geojson import PlaceFileError, read_place_file

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.4, 51.2], [4.5, 51.2], [4.5, 51.3], [4.4, 51.2]]],
}


def feature(**properties):
    return {"type": "Feature", "properties": properties, "geometry": SQUARE}


def write(tmp_path, features):
    path = tmp_path / "places.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_districts_hang_under_the_city_and_neighbourhoods_under_their_district(db, tmp_path):
    path = write(
        tmp_path,
        [
            feature(wijk_code="B01", wijk_name="Dam", district_code="11002S"),
            feature(district_code="11002S", district_name="Borgerhout", area_km2_approx="3.9"),
        ],
    )
    rows, notices = read_place_file(path)
    assert notices == []
    by_code = {row["code"]: row for row in rows}
    assert by_code["B01"]["kind"] == "neighbourhood"
    assert by_code["B01"]["parent_code"] == "11002S"
    assert by_code["11002S"]["parent_code"] == "11002"
    assert by_code["11002S"]["area_km2"] == Decimal("3.90")


def test_a_neighbourhood_of_no_known_district_belongs_to_the_city(db, tmp_path):
    path = write(tmp_path, [feature(wijk_code="S00", wijk_name="Schelde", district_code="X")])
    rows, notices = read_place_file(path)
    assert rows[0]["parent_code"] == "11002"
    assert len(notices) == 1 and "S00" in notices[0]


def test_every_problem_is_listed_and_nothing_is_returned(db, tmp_path):
    path = write(
        tmp_path,
        [
            feature(wijk_code="B 01!", wijk_name="Dam"),
            feature(district_code="D1", district_name=""),
            feature(name="nothing"),
            {**feature(district_code="D2", district_name="Noord"), "geometry": None},
            feature(district_code="D3", district_name="Zuid", area_km2_approx="-1"),
        ],
    )
    with pytest.raises(PlaceFileError) as raised:
        read_place_file(path)
    assert len(raised.value.problems) == 5


@pytest.mark.parametrize(
    "content",
    ["not json", json.dumps({"type": "Feature"}), json.dumps({"type": "FeatureCollection"})],
)
def test_a_file_that_is_no_feature_collection_is_refused(db, tmp_path, content):
    path = tmp_path / "bad.geojson"
    path.write_text(content)
    with pytest.raises(PlaceFileError):
        read_place_file(path)


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(PlaceFileError):
        read_place_file(tmp_path / "absent.geojson")
