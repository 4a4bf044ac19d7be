"""Where a place does worse than the city, as the indicators offer it to other modules."""

from __future__ import annotations

from samen.core import place_facts
from samen.indicators.models import Indicator

from .conftest import make_indicator, store


def test_a_place_worse_than_the_city_is_offered_furthest_behind_first(figures):
    # Borgerhout: 400 of 935 born abroad (42.8%); the city: 503 of 1535 (32.8%).
    store({("births", "11002S01-", 2025): 10, ("births", "11002T01-", 2025): 40})
    Indicator.objects.filter(code="share_born_abroad").update(direction=Indicator.Direction.LOWER)
    make_indicator("birth_rate", "births", "residents", 1000, direction="higher")
    facts = place_facts.indicators(figures.borgerhout)
    assert [f.key for f in facts] == ["birth_rate", "share_born_abroad"]
    assert facts[1].value == "42.8%" and facts[1].city == "32.8%" and facts[1].year == 2025
    assert facts[1].url == "/indicators/?indicator=share_born_abroad"


def test_an_indicator_without_a_better_direction_or_where_the_place_is_better_is_left_out(
    figures,
):
    # residents has no better direction; Berchem has fewer born abroad than the city.
    Indicator.objects.filter(code="share_born_abroad").update(direction=Indicator.Direction.LOWER)
    assert place_facts.indicators(figures.berchem) == []
    assert [f.key for f in place_facts.indicators(figures.borgerhout)] == ["share_born_abroad"]


def test_a_difference_within_rounding_is_not_a_finding(figures):
    # Borgerhout's births per 1,000 residents: 30 of 935, 32.1; the city's 50 of 1535, 32.6.
    store({("births", "11002S01-", 2025): 30, ("births", "11002T01-", 2025): 20})
    make_indicator("birth_rate", "births", "residents", 1000, direction="higher")
    assert place_facts.indicators(figures.borgerhout) == []
