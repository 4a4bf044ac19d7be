"""A small city of communities around the shared personas (Borgerhout and Berchem)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from samen.communities.actions import CommunityFields, community_create, relationship_create
from samen.communities.models import Community, Language, Relationship, Theme
from samen.places.models import Place


def fields(district, name="Jeugdhuis De Brug", kind=Community.Kind.YOUTH, **overrides):
    values = {"name": name, "kind": kind, "district": district}
    values.update(overrides)
    return CommunityFields(**values)


@dataclass
class City:
    youth: Community  # Borgerhout
    mosque: Community  # Borgerhout
    club: Community  # Berchem
    school: Community  # Berchem, active in a Borgerhout neighbourhood
    wijk: Place  # a neighbourhood of Borgerhout
    youth_mosque: Relationship  # inside Borgerhout
    youth_club: Relationship  # across the two districts
    club_city: Relationship  # Berchem with the city

    def community_names(self) -> dict[str, Community]:
        return {n: getattr(self, n) for n in ("youth", "mosque", "club", "school")}


@pytest.fixture
def city(personas) -> City:
    admin = personas.admin
    wijk = Place.objects.create(
        kind="neighbourhood", code="11002S-T1", name_nl="Sint-Jansplein", parent=personas.borgerhout
    )
    youth = community_create(
        by=admin,
        fields=fields(
            personas.borgerhout,
            themes=[Theme.objects.get(code="youth")],
            languages=[Language.objects.get(code="ar")],
        ),
    )
    mosque = community_create(
        by=admin,
        fields=fields(personas.borgerhout, "Moskeevereniging Al Noor", Community.Kind.FAITH),
    )
    club = community_create(
        by=admin,
        fields=fields(
            personas.berchem,
            "Boksclub Berchem",
            Community.Kind.SPORTS,
            themes=[Theme.objects.get(code="sport")],
        ),
    )
    school = community_create(
        by=admin,
        fields=fields(personas.berchem, "Atheneum Zuid", Community.Kind.SCHOOL, places=[wijk]),
    )
    a_while_ago = timezone.localdate() - datetime.timedelta(days=30)
    youth_mosque = relationship_create(
        by=admin,
        community=youth,
        other=mosque,
        state="active",
        strength=4,
        reason="Samen een iftar georganiseerd.",
        on=a_while_ago,
    )
    youth_club = relationship_create(
        by=admin,
        community=club,
        other=youth,
        state="weakened",
        strength=2,
        reason="Minder trainingen samen.",
        on=a_while_ago,
    )
    club_city = relationship_create(
        by=admin,
        community=club,
        other=None,
        state="active",
        strength=3,
        reason="Vaste partner van de sportdienst.",
        on=a_while_ago,
    )
    return City(youth, mosque, club, school, wijk, youth_mosque, youth_club, club_city)
