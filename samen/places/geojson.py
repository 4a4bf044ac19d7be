"""Reading district and neighbourhood boundaries from a city's GeoJSON file.

Hand-written because the job is small and ours: check the few properties Samen relies on and
turn each feature into a row for `places_import`. Geometry is kept as given (WGS84), not
reprojected or simplified.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.places.models import Place

CODE = re.compile(r"^[0-9A-Za-z_-]{1,16}$")
GEOMETRY_TYPES = {"Polygon", "MultiPolygon"}
MAX_ERRORS_SHOWN = 20


class PlaceFileError(ValueError):
    """The file cannot be imported; `problems` says why, feature by feature."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_ERRORS_SHOWN]
        more = len(problems) - len(shown)
        text = "\n".join(shown)
        if more:
            text += "\n" + ngettext(
                "… and %(count)d more problem.", "… and %(count)d more problems.", more
            ) % {"count": more}
        super().__init__(text)


def _is_position(value) -> bool:
    return (
        isinstance(value, list)
        and len(value) >= 2
        and all(isinstance(n, int | float) and not isinstance(n, bool) for n in value[:2])
        and -180 <= value[0] <= 180
        and -90 <= value[1] <= 90
    )


def _is_ring_list(rings) -> bool:
    return (
        isinstance(rings, list)
        and len(rings) > 0
        and all(
            isinstance(ring, list) and len(ring) >= 4 and all(_is_position(p) for p in ring)
            for ring in rings
        )
    )


def _geometry_problem(geometry) -> str | None:
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        return _("its geometry must be a Polygon or MultiPolygon")
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        valid = _is_ring_list(coordinates)
    else:
        valid = (
            isinstance(coordinates, list)
            and len(coordinates) > 0
            and all(_is_ring_list(polygon) for polygon in coordinates)
        )
    if not valid:
        return _("its coordinates are not closed rings of longitude/latitude pairs (WGS84)")
    return None


def _area(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        area = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError from None
    if area < 0:
        raise ValueError
    return area


def _text(properties: dict, key: str) -> str:
    value = properties.get(key)
    return value.strip() if isinstance(value, str) else ""


def read_place_file(path: Path) -> tuple[list[dict], list[str]]:
    """Parse and check a GeoJSON file; return rows for `places_import` and notices.

    A feature with `wijk_code` is a neighbourhood, one with only `district_code` a district.
    A neighbourhood whose district is not known (like the river Schelde in Antwerp's file)
    belongs to the city itself and is named in the notices. Raises PlaceFileError listing
    every problem found; in that case nothing should be imported.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlaceFileError([_("The file %(path)s does not exist.") % {"path": path}]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PlaceFileError(
            [_("The file is not valid JSON: %(error)s") % {"error": error}]
        ) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise PlaceFileError([_("The file is not a GeoJSON FeatureCollection.")])
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise PlaceFileError([_("The FeatureCollection holds no features.")])

    city = Place.objects.filter(kind=Place.Kind.CITY, code=settings.SAMEN_CITY_CODE).first()
    if city is None:
        raise PlaceFileError(
            [
                _("The city %(code)s is not set up; run the migrations first.")
                % {"code": settings.SAMEN_CITY_CODE}
            ]
        )

    problems: list[str] = []
    rows: list[dict] = []
    seen: set[str] = set()
    for number, feature in enumerate(features, start=1):
        where = _("Feature %(number)d") % {"number": number}
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(_("%(where)s is not a GeoJSON Feature.") % {"where": where})
            continue
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            problems.append(_("%(where)s has no properties.") % {"where": where})
            continue
        if "wijk_code" in properties:
            kind, code_key, name_key = Place.Kind.NEIGHBOURHOOD, "wijk_code", "wijk_name"
        elif "district_code" in properties:
            kind, code_key, name_key = Place.Kind.DISTRICT, "district_code", "district_name"
        else:
            problems.append(
                _("%(where)s has neither a wijk_code nor a district_code.") % {"where": where}
            )
            continue
        code, name = _text(properties, code_key), _text(properties, name_key)
        feature_problems = []
        if not CODE.match(code):
            feature_problems.append(
                _("its %(key)s must be 1 to 16 letters, digits, hyphens or underscores")
                % {"key": code_key}
            )
        elif code in seen:
            feature_problems.append(_("its code %(code)s appears twice") % {"code": code})
        if not name or len(name) > 120:
            feature_problems.append(
                _("its %(key)s must be a name of 1 to 120 characters") % {"key": name_key}
            )
        geometry_problem = _geometry_problem(feature.get("geometry"))
        if geometry_problem:
            feature_problems.append(geometry_problem)
        try:
            area = _area(properties.get("area_km2_approx"))
        except ValueError:
            area = None
            feature_problems.append(_("its area_km2_approx must be a number, zero or more"))
        if feature_problems:
            label = f"{where} ({code or '?'})"
            problems.append(f"{label}: " + "; ".join(feature_problems) + ".")
            continue
        seen.add(code)
        rows.append(
            {
                "kind": kind,
                "code": code,
                "name_nl": name,
                "parent_code": _text(properties, "district_code") or None,
                "boundary": feature["geometry"],
                "area_km2": area,
            }
        )
    if problems:
        raise PlaceFileError(problems)

    notices = _attach_parents(rows, city)
    return rows, notices


def _attach_parents(rows: list[dict], city: Place) -> list[str]:
    districts = {r["code"] for r in rows if r["kind"] == Place.Kind.DISTRICT}
    districts |= set(Place.objects.districts().values_list("code", flat=True))
    notices = []
    for row in rows:
        if row["kind"] == Place.Kind.DISTRICT:
            row["parent_code"] = city.code
        elif row["parent_code"] not in districts:
            notices.append(
                _("Neighbourhood %(code)s %(name)s belongs to no district; it is part of the city.")
                % {"code": row["code"], "name": row["name_nl"]}
            )
            row["parent_code"] = city.code
    return notices
