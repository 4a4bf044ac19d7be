"""Facts about a place that one module offers and another reads, without importing each other.

Two sources, each registered by the module that owns the figures when Django starts:

- the *rising* signal categories of a place against its own baseline (the tension monitor,
  `set_rising_source`);
- the *indicators* where a place does worse than the city (the district indicators,
  `set_indicator_source`).

The prevention policy's context match reads both (`rising`, `indicators`) and sets them
beside the actions and initiatives that answer them. Facts are about places, never persons.
Without a source there are no facts of that kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RisingFact:
    """A signal category that rose in a place over the last weeks against its own baseline."""

    category: str  # the signal category's code (samen.core.categories)
    label: str  # its name, in the reader's language
    count: int  # signals in the recent weeks
    baseline: float  # what the place's baseline expects for as many weeks
    url: str  # where the figure comes from (the place's tension monitor)


@dataclass(frozen=True)
class IndicatorFact:
    """An indicator on which a place does worse than the city."""

    key: str  # the indicator's code
    label: str  # its name, in the reader's language
    value: str  # the place's value, as shown (small numbers already hidden)
    city: str  # the city's value, as shown
    year: int
    url: str  # where the figure comes from (the indicator's page)


# source(place, reader) -> the facts, or None when the reader may not see them for this place.
RisingSource = Callable[..., list[RisingFact] | None]
IndicatorSource = Callable[..., list[IndicatorFact]]
_rising: list[RisingSource] = []
_indicators: list[IndicatorSource] = []


def set_rising_source(source: RisingSource) -> None:
    """Register the function that finds a place's rising categories (the tension monitor)."""
    _rising[:] = [source]


def set_indicator_source(source: IndicatorSource) -> None:
    """Register the function that finds where a place does worse than the city (indicators)."""
    _indicators[:] = [source]


def rising(place, *, reader) -> list[RisingFact] | None:
    """The categories rising in `place`, most unusual first; None when `reader` may not see
    that place's signal counts, [] without a source."""
    return _rising[0](place, reader) if _rising else []


def indicators(place) -> list[IndicatorFact]:
    """The indicators on which `place` does worse than the city, furthest behind first."""
    return _indicators[0](place) if _indicators else []


def sources() -> tuple[list[RisingSource], list[IndicatorSource]]:
    """The registered sources, so that a test can put them back after replacing them."""
    return list(_rising), list(_indicators)


def restore_sources(saved: tuple[list[RisingSource], list[IndicatorSource]]) -> None:
    _rising[:], _indicators[:] = saved
