import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from samen.audit.models import AuditRecord
from samen.places.models import Place

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.40, 51.20], [4.41, 51.20], [4.41, 51.21], [4.40, 51.21], [4.40, 51.20]]],
}


def run(path) -> str:
    out = StringIO()
    call_command("import_places", str(path), stdout=out)
    return out.getvalue()


def write(tmp_path, data, name="places.geojson"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def feature(props, geometry=SQUARE):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def test_imports_antwerp_districts_and_neighbourhoods(shared_data):
    out = run(shared_data / "antwerp_districts_2025.geojson")
    assert "0 created, 10 updated, 0 unchanged" in out
    out = run(shared_data / "antwerp_wijken_2025.geojson")
    assert "67 created, 0 updated, 0 unchanged" in out
    assert "11002W01" in out  # the river Schelde belongs to no district
    assert Place.objects.neighbourhoods().count() == 67
    schelde = Place.objects.get(code="11002W01")
    assert schelde.parent.kind == Place.Kind.CITY
    assert Place.objects.neighbourhoods().filter(parent__code="11002Z").count() == 24
    assert Place.objects.get(code="11002S").boundary["type"] == "Polygon"


def test_reimport_is_idempotent(shared_data):
    run(shared_data / "antwerp_wijken_2025.geojson")
    records = AuditRecord.objects.count()
    out = run(shared_data / "antwerp_wijken_2025.geojson")
    assert "0 created, 0 updated, 67 unchanged" in out
    assert AuditRecord.objects.count() == records


def test_import_writes_audit_records(tmp_path):
    path = write(
        tmp_path,
        {
            "type": "FeatureCollection",
            "features": [
                feature({"wijk_code": "11002S09", "wijk_name": "Test", "district_code": "11002S"})
            ],
        },
    )
    run(path)
    place = Place.objects.get(code="11002S09")
    record = AuditRecord.objects.get(object_pk=str(place.pk), action=AuditRecord.Action.CREATE)
    assert record.changes["name_nl"] == ["None", "Test"]
    assert record.changes["boundary"][1].startswith("sha256:")


def test_a_changed_name_is_updated(tmp_path):
    data = {
        "type": "FeatureCollection",
        "features": [
            feature({"wijk_code": "11002S09", "wijk_name": "Test", "district_code": "11002S"})
        ],
    }
    run(write(tmp_path, data))
    data["features"][0]["properties"]["wijk_name"] = "Nieuwe naam"
    out = run(write(tmp_path, data))
    assert "0 created, 1 updated, 0 unchanged" in out
    assert Place.objects.get(code="11002S09").name_nl == "Nieuwe naam"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ({"type": "Feature"}, "not a GeoJSON FeatureCollection"),
        ({"type": "FeatureCollection", "features": []}, "holds no features"),
        (
            {"type": "FeatureCollection", "features": [feature({"name": "x"})]},
            "neither a wijk_code nor a district_code",
        ),
        (
            {
                "type": "FeatureCollection",
                "features": [
                    feature(
                        {"district_code": "11002S", "district_name": "B"},
                        {"type": "Point", "coordinates": [4, 51]},
                    )
                ],
            },
            "Polygon or MultiPolygon",
        ),
        (
            {
                "type": "FeatureCollection",
                "features": [feature({"district_code": "", "district_name": "B"})],
            },
            "district_code must be 1 to 16",
        ),
        (
            {
                "type": "FeatureCollection",
                "features": [
                    feature(
                        {"district_code": "11002S", "district_name": "B", "area_km2_approx": "big"}
                    )
                ],
            },
            "area_km2_approx must be a number, zero or more",
        ),
    ],
)
def test_malformed_file_gets_a_clear_message_and_changes_nothing(tmp_path, content, message):
    before = list(Place.objects.values_list("code", "name_nl", "boundary").order_by("code"))
    records = AuditRecord.objects.count()
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, content))
    assert message in str(error.value)
    assert "Nothing was imported" in str(error.value)
    assert list(Place.objects.values_list("code", "name_nl", "boundary").order_by("code")) == before
    assert AuditRecord.objects.count() == records


def test_one_bad_feature_among_good_ones_imports_nothing(tmp_path):
    path = write(
        tmp_path,
        {
            "type": "FeatureCollection",
            "features": [
                feature({"wijk_code": "11002S08", "wijk_name": "Goed", "district_code": "11002S"}),
                feature({"wijk_code": "11002S09", "wijk_name": "", "district_code": "11002S"}),
            ],
        },
    )
    with pytest.raises(CommandError, match="Feature 2"):
        run(path)
    assert not Place.objects.filter(code="11002S08").exists()


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "absent.geojson")


def test_the_command_speaks_dutch_by_default(tmp_path):
    from django.utils import translation

    with translation.override("nl"), pytest.raises(CommandError) as error:
        run(write(tmp_path, "{not json"))
    assert "Er werd niets geïmporteerd" in str(error.value)
