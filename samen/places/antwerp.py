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
