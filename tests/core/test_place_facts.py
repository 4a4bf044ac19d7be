"""The registry of facts about places: one source of each kind, none by default."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from samen.core import place_facts
from samen.core.place_facts import IndicatorFact, RisingFact


@pytest.fixture
def no_sources():
    saved = place_facts.sources()
    place_facts.restore_sources(([], []))
    yield
    place_facts.restore_sources(saved)


def test_without_sources_there_are_no_facts(no_sources):
    place = SimpleNamespace(pk=1, kind="district")
    assert place_facts.rising(place, reader=None) == []
    assert place_facts.indicators(place) == []


def test_the_last_source_registered_answers_with_the_reader(no_sources):
    fact = RisingFact("racism", "Racism", 9, 2.5, "/monitor/11002V/")
    lagging = IndicatorFact("income", "Income", "1", "2", 2025, "/indicators/")
    place_facts.set_rising_source(lambda place, reader: None)
    place_facts.set_rising_source(lambda place, reader: [fact] if reader == "analyst" else None)
    place_facts.set_indicator_source(lambda place: [lagging])
    place = SimpleNamespace(pk=1, kind="district")
    assert place_facts.rising(place, reader="analyst") == [fact]
    assert place_facts.rising(place, reader="outsider") is None
    assert place_facts.indicators(place) == [lagging]


def test_the_modules_register_their_sources_when_django_starts():
    rising, indicators = place_facts.sources()
    assert [s.__module__ for s in rising] == ["samen.monitor.place_facts"]
    assert [s.__module__ for s in indicators] == ["samen.indicators.place_facts"]
