"""The context match on small constructed cases whose answer is known, with fake sources."""

from __future__ import annotations

import pytest

from samen.core import place_facts
from samen.core.place_facts import IndicatorFact, RisingFact
from samen.places.actions import places_import
from samen.places.models import Place
from samen.policy.context import context_match, policy_code
from samen.policy.models import Action, Initiative, OutcomeIndicator

from .conftest import START

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.43, 51.21], [4.44, 51.21], [4.44, 51.22], [4.43, 51.22], [4.43, 51.21]]],
}


def rising_fact(code: str, label: str, count: int = 12) -> RisingFact:
    return RisingFact(code, label, count, 3.0, f"/monitor/11002S/?category={code}")


def lagging(key: str) -> IndicatorFact:
    return IndicatorFact(key, key.title(), "31.0%", "20.0%", 2025, f"/indicators/?indicator={key}")


@pytest.fixture
def facts():
    """Fake sources: racism, poverty and youth tension rise in Borgerhout, and it lags the
    city on income and on school delay; Berchem's counts are not the reader's to see."""
    saved = place_facts.sources()
    seen = []

    def rising(place, reader):
        seen.append(reader)
        if place.code == "11002T":
            return None
        return [
            rising_fact("racism", "Racism and discrimination"),
            rising_fact("poverty", "Poverty"),
            rising_fact("youth-groups", "Tension between youth groups"),
            rising_fact("right-wing", "Right-wing extremism"),
        ]

    place_facts.set_rising_source(rising)
    place_facts.set_indicator_source(lambda place: [lagging("income"), lagging("school_delay")])
    yield seen
    place_facts.restore_sources(saved)


@pytest.fixture
def neighbourhood(personas) -> Place:
    places_import(
        by=None,
        places=[
            {
                "kind": "neighbourhood",
                "code": "11002S01",
                "name_nl": "Borgerhout-Noord",
                "parent_code": "11002S",
                "boundary": SQUARE,
                "area_km2": None,
            }
        ],
    )
    return Place.objects.get(code="11002S01")


def covered(match) -> dict[str, list[str]]:
    return {
        getattr(row.fact, "category", None) or row.fact.key: [str(c.record) for c in row.covers]
        for row in (match.rising or []) + match.indicators
    }


def test_signal_category_codes_meet_the_policy_codes():
    assert policy_code("well-being") == "well_being"
    assert policy_code("rules") == "rules_customs"
    assert policy_code("right-wing") == "right_wing"
    assert policy_code("racism") == "racism"


def test_each_fact_is_answered_by_what_covers_it_in_the_place(world, personas, facts):
    borgerhout = personas.borgerhout
    # Borgerhout's own plan answers racism by category; a city action placed in Borgerhout
    # answers poverty by life domain; one in Berchem answers youth tension, but not here.
    Action.objects.filter(pk=world.borgerhout_action.pk).update(signal_categories=["racism"])
    world.city_action.life_domains = ["poverty"]
    world.city_action.save()
    world.city_action.places.add(borgerhout)
    world.berchem_action.signal_categories = ["youth-groups"]
    world.berchem_action.save()
    world.berchem_action.places.add(personas.berchem)
    # A running initiative in Borgerhout answers right-wing extremism and measures income.
    world.city_initiative.signal_categories = ["right-wing"]
    world.city_initiative.save()
    world.city_initiative.places.add(borgerhout)
    OutcomeIndicator.objects.create(
        initiative=world.city_initiative,
        title="Inkomen",
        indicator_key="income",
        baseline=10,
        baseline_on=START,
        target=12,
        target_on=START,
    )

    match = context_match(borgerhout, reader=personas.coordinator)

    assert covered(match) == {
        "racism": ["B1 Actie B1"],
        "poverty": ["A1 Actie A1"],
        "youth-groups": [],
        "right-wing": ["Buurtgesprekken"],
        "income": ["Buurtgesprekken"],
        "school_delay": [],
    }
    assert [getattr(r.fact, "category", None) or r.fact.key for r in match.uncovered] == [
        "youth-groups",
        "school_delay",
    ]
    assert facts == [personas.coordinator]
    assert match.plans == [world.borgerhout_plan]


def test_what_is_done_stopped_or_not_running_covers_nothing(world, personas, facts):
    borgerhout = personas.borgerhout
    for status in (Action.Status.DONE, Action.Status.STOPPED):
        Action.objects.filter(pk=world.borgerhout_action.pk).update(
            signal_categories=["racism"], status=status
        )
        match = context_match(borgerhout, reader=personas.coordinator)
        assert covered(match)["racism"] == []
    world.partner_initiative.signal_categories = ["racism"]
    world.partner_initiative.status = Initiative.Status.ENDED
    world.partner_initiative.save()
    world.partner_initiative.places.add(borgerhout)
    assert covered(context_match(borgerhout, reader=personas.coordinator))["racism"] == []


def test_a_neighbourhood_is_covered_by_what_covers_its_district_as_a_whole(
    world, personas, facts, neighbourhood
):
    world.city_initiative.life_domains = ["poverty"]
    world.city_initiative.save()
    world.city_initiative.places.add(personas.borgerhout)
    match = context_match(neighbourhood, reader=personas.analyst)
    assert covered(match)["poverty"] == ["Buurtgesprekken"]


def test_a_district_is_covered_by_what_is_placed_in_one_of_its_neighbourhoods(
    world, personas, facts, neighbourhood
):
    world.city_initiative.life_domains = ["poverty"]
    world.city_initiative.save()
    world.city_initiative.places.add(neighbourhood)
    assert covered(context_match(personas.borgerhout, reader=personas.analyst))["poverty"] == [
        "Buurtgesprekken"
    ]
    # ... but not the district next door.
    assert context_match(personas.berchem, reader=personas.analyst).indicators[0].covers == []


def test_counts_the_reader_may_not_see_are_left_out_not_guessed(world, personas, facts):
    match = context_match(personas.berchem, reader=personas.frontline)
    assert match.rising is None
    assert [row.fact.key for row in match.uncovered] == ["income", "school_delay"]


def test_without_sources_there_is_nothing_to_match(world, personas):
    saved = place_facts.sources()
    place_facts.restore_sources(([], []))
    try:
        match = context_match(personas.borgerhout, reader=personas.analyst)
    finally:
        place_facts.restore_sources(saved)
    assert match.rising == [] and match.indicators == [] and match.uncovered == []
