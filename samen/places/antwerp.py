"""Antwerp's districts as shipped with Samen (public facts; boundaries come by import)."""

import datetime

CITY = {"code": "11002", "name_nl": "Antwerpen", "name_fr": "Anvers", "name_en": "Antwerp"}

# Official codes; Borsbeek joined the city as its tenth district on 1 January 2025.
DISTRICTS = [
    {"code": "11002Z", "name_nl": "Antwerpen", "name_fr": "Anvers", "name_en": "Antwerp"},
    {"code": "11002T", "name_nl": "Berchem"},
    {"code": "11002Y", "name_nl": "Berendrecht-Zandvliet-Lillo"},
    {"code": "11002S", "name_nl": "Borgerhout"},
    {"code": "11007A", "name_nl": "Borsbeek", "valid_from": datetime.date(2025, 1, 1)},
    {"code": "11002R", "name_nl": "Deurne"},
    {"code": "11002P", "name_nl": "Ekeren"},
    {"code": "11002V", "name_nl": "Hoboken"},
    {"code": "11002Q", "name_nl": "Merksem"},
    {"code": "11002U", "name_nl": "Wilrijk"},
]


def ensure_antwerp(place_model) -> None:
    """Create the city and its districts where missing (used by the data migration)."""
    city, _ = place_model.objects.get_or_create(
        code=CITY["code"], defaults={**CITY, "kind": "city"}
    )
    for district in DISTRICTS:
        place_model.objects.get_or_create(
            code=district["code"], defaults={**district, "kind": "district", "parent": city}
        )
