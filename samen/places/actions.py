"""Writes to places, each with its audit record."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from samen.core.actions import action
from samen.places.models import Place


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _save_if_changed(place: Place, values: dict, report: ImportReport) -> None:
    changed = [name for name, value in values.items() if getattr(place, name) != value]
    if place.pk is None:
        for name, value in values.items():
            setattr(place, name, value)
        place.full_clean()
        place.save()
        report.created.append(place.code)
    elif changed:
        for name in changed:
            setattr(place, name, values[name])
        place.full_clean()
        place.save(update_fields=changed)
        report.updated.append(place.code)
    else:
        report.unchanged.append(place.code)


@action
def places_import(*, by, places: list[dict]) -> ImportReport:
    """Create or update places from already validated rows, parents before children.

    Each row: kind, code, name_nl, parent_code (or None for the city), boundary, area_km2.
    Names already translated to French or English are kept.
    """
    report = ImportReport()
    by_code = {p.code: p for p in Place.objects.filter(code__in=[r["code"] for r in places])}
    order = {Place.Kind.CITY: 0, Place.Kind.DISTRICT: 1, Place.Kind.NEIGHBOURHOOD: 2}
    for row in sorted(places, key=lambda r: order[r["kind"]]):
        parent = None
        if row["parent_code"]:
            parent = by_code.get(row["parent_code"]) or Place.objects.get(code=row["parent_code"])
        place = by_code.get(row["code"]) or Place(code=row["code"])
        values = {
            "kind": row["kind"],
            "name_nl": row["name_nl"],
            "parent": parent,
            "boundary": row["boundary"],
            "area_km2": row["area_km2"],
        }
        _save_if_changed(place, values, report)
        by_code[place.code] = place
    return report


@action
def place_merge(*, by, place: Place, into: Place, on: datetime.date) -> Place:
    """Record that `place` stops existing on `on` because it became part of `into`."""
    place.valid_until = on
    place.successor = into
    place.full_clean()
    place.save(update_fields=["valid_until", "successor"])
    return place
