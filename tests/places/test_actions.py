"""Writes to places (samen/places/actions.py)."""

import datetime

from samen.audit.models import AuditRecord
from samen.places.actions import place_merge, places_import
from samen.places.models import Place


def row(**values):
    return {"boundary": None, "area_km2": None, **values}


def test_an_import_creates_children_after_parents_updates_and_leaves_the_rest(personas):
    report = places_import(
        by=personas.admin,
        places=[
            row(kind="neighbourhood", code="B01", name_nl="Dam", parent_code="11002S"),
            row(kind="district", code="11002S", name_nl="Borgerhout", parent_code="11002"),
            row(kind="district", code="11002T", name_nl="Berchem-Zuid", parent_code="11002"),
        ],
    )
    assert report.created == ["B01"]
    assert report.updated == ["11002T"]
    assert report.unchanged == ["11002S"]
    assert Place.objects.get(code="B01").parent == personas.borgerhout
    assert Place.objects.get(code="11002T").name_nl == "Berchem-Zuid"


def test_a_merge_ends_a_place_into_its_successor_with_a_record(personas):
    before = AuditRecord.objects.count()
    on = datetime.date(2030, 1, 1)
    place_merge(by=personas.admin, place=personas.berchem, into=personas.borgerhout, on=on)
    berchem = Place.objects.get(pk=personas.berchem.pk)
    assert berchem.successor == personas.borgerhout
    assert berchem.valid_until == on
    assert AuditRecord.objects.count() == before + 1
