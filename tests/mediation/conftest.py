"""Mediation personas beside the shared ones, and a mediation at each stage."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from samen.mediation.actions import (
    PartyFields,
    coordinator_designate,
    mediation_assign,
    mediation_open,
)
from samen.people.roles import Role
from tests.conftest import make_person

# Synthetic party names, searched for in pages, lists and exports.
RESIDENT = "Griet Vandermeulen"
NEIGHBOUR = "Mohamed Elouali"
STREET = "Kroonstraat"


@dataclass
class MediationPeople:
    mediator: object  # a Borgerhout frontline worker, the assigned mediator
    borgerhout_mc: object  # mediation coordinator for Borgerhout, living in Berchem
    city_mc: object  # city-wide mediation coordinator


@pytest.fixture
def mediation_people(personas) -> MediationPeople:
    mediator = make_person(Role.FRONTLINE_WORKER, "mediator@samen.test", personas.borgerhout)
    borgerhout_mc = make_person(Role.FRONTLINE_WORKER, "bmc@samen.test", personas.berchem)
    city_mc = make_person(Role.DISTRICT_COORDINATOR, "citymc@samen.test", personas.berchem)
    coordinator_designate(by=personas.admin, user=borgerhout_mc, district=personas.borgerhout)
    coordinator_designate(by=personas.admin, user=city_mc)
    return MediationPeople(mediator=mediator, borgerhout_mc=borgerhout_mc, city_mc=city_mc)


def parties() -> list[PartyFields]:
    return [
        PartyFields(kind="resident", name=RESIDENT, contact="0470 11 22 33", street=STREET),
        PartyFields(kind="resident", name=NEIGHBOUR, contact="", street=STREET),
    ]


@pytest.fixture
def open_mediation(personas):
    """Open a mediation in `district` (Borgerhout by default) as `by`."""

    def make(by=None, district=None, **overrides):
        values = {
            "kind": "noise",
            "district": district or personas.borgerhout,
            "neighbourhood": None,
            "description": "Luide muziek na middernacht in de Kroonstraat.",
            "parties": parties(),
        }
        values.update(overrides)
        return mediation_open(by=by or personas.frontline, **values)

    return make


@pytest.fixture
def assigned(personas, mediation_people, open_mediation):
    """A Borgerhout mediation with its mediator assigned."""
    mediation = open_mediation()
    return mediation_assign(
        by=mediation_people.borgerhout_mc, mediation=mediation, mediator=mediation_people.mediator
    )
