"""A small city in figures for the indicators' tests: a few sectors, elements and values."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from samen.indicators.actions import sectors_import, values_import
from samen.indicators.importing import CheckedFile
from samen.indicators.models import DataElement, Indicator, SourceMapping, StatisticalSector
from samen.places.actions import places_import
from samen.places.models import Place


def square(x: float, y: float) -> dict:
    ring = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


@dataclass
class SmallCity:
    city: Place
    borgerhout: Place
    berchem: Place
    borsbeek: Place
    noord: Place  # a neighbourhood of Borgerhout
    zuid: Place  # another
    elements: dict[str, DataElement]


def element(code: str, name: str, *, summable: bool = True, unit: str = "count") -> DataElement:
    return DataElement.objects.create(
        code=code,
        name_nl=name,
        name_en=name,
        unit=unit,
        summable=summable,
        source="Synthetic test figures",
        licence="CC0",
        attribution="Test attribution",
    )


def store(values: dict[tuple[str, str, int], float], *, layout: str = "sectors", by=None):
    """Store {(element code, sector or place code, year): value} through the import action."""
    elements = dict(DataElement.objects.values_list("code", "pk"))
    if layout == "sectors":
        where = dict(StatisticalSector.objects.values_list("code", "pk"))
    else:
        where = dict(Place.objects.values_list("code", "pk"))
    checked = CheckedFile(layout=layout, rows=len(values), sha256="test")
    for (code, place, year), value in values.items():
        checked.values[(elements[code], where[place], year, 0)] = value
    return values_import(by=by, checked=checked, file_name="test.csv", synthetic=True)


@pytest.fixture
def small_city(db) -> SmallCity:
    places_import(
        by=None,
        places=[
            {
                "kind": "neighbourhood",
                "code": "11002S01",
                "name_nl": "Borgerhout-Noord",
                "parent_code": "11002S",
                "boundary": square(4.43, 51.21),
                "area_km2": None,
            },
            {
                "kind": "neighbourhood",
                "code": "11002S02",
                "name_nl": "Borgerhout-Zuid",
                "parent_code": "11002S",
                "boundary": square(4.43, 51.20),
                "area_km2": None,
            },
        ],
    )
    sectors_import(
        by=None,
        rows=[
            {"code": "11002S01-", "district_code": "11002S", "neighbourhood_code": "11002S01"},
            {"code": "11002S02-", "district_code": "11002S", "neighbourhood_code": "11002S01"},
            {"code": "11002S10-", "district_code": "11002S", "neighbourhood_code": "11002S02"},
            {"code": "11002T01-", "district_code": "11002T", "neighbourhood_code": ""},
            {"code": "11007A00-", "district_code": "11007A", "neighbourhood_code": ""},
            {"code": "11002ZZZZ", "district_code": "11002ONB", "neighbourhood_code": "11002WONB"},
        ],
    )
    elements = {
        e.code: e
        for e in [
            element("residents", "Inwoners"),
            element("births", "Geboorten"),
            element("born_abroad", "Inwoners geboren in het buitenland"),
            element("median_income", "Mediaan belastbaar inkomen", summable=False, unit="euro"),
        ]
    }
    return SmallCity(
        city=Place.objects.get(code="11002"),
        borgerhout=Place.objects.get(code="11002S"),
        berchem=Place.objects.get(code="11002T"),
        borsbeek=Place.objects.get(code="11007A"),
        noord=Place.objects.get(code="11002S01"),
        zuid=Place.objects.get(code="11002S02"),
        elements=elements,
    )


def make_indicator(code: str, numerator: str, denominator: str = "", factor: int = 1, **extra):
    return Indicator.objects.create(
        code=code,
        name_nl=code,
        name_en=code.replace("_", " "),
        meaning_nl="Wat het betekent.",
        numerator=numerator,
        denominator=denominator,
        factor=factor,
        **extra,
    )


def mapping(name: str = "Statbel", **fields) -> SourceMapping:
    defaults = {
        "layout": "sectors",
        "place_column": "CD_SECTOR",
        "year_column": "CD_YEAR",
        "columns": {"TOTAL": "residents", "BIRTHS": "births"},
    }
    return SourceMapping.objects.create(name=name, **{**defaults, **fields})


@pytest.fixture
def figures(small_city) -> SmallCity:
    """Two years of residents and births, and two indicators on the district pages."""
    values = {}
    for year, grow in ((2024, 0), (2025, 10)):
        values |= {
            ("residents", "11002S01-", year): 600 + grow,
            ("residents", "11002S02-", year): 300,
            ("residents", "11002S10-", year): 25,
            ("residents", "11002T01-", year): 400,
            ("residents", "11007A00-", year): 200,
            ("born_abroad", "11002S01-", year): 300,
            ("born_abroad", "11002S02-", year): 90,
            ("born_abroad", "11002S10-", year): 10,
            ("born_abroad", "11002T01-", year): 100,
            ("born_abroad", "11007A00-", year): 3,
        }
    store(values)
    make_indicator("share_born_abroad", "born_abroad", "residents", 100, in_context=True, order=1)
    make_indicator("residents", "residents", decimals=0, in_context=True, order=2)
    return small_city
