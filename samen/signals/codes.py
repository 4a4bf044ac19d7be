"""Districts, neighbourhoods and categories by code, held in each process for the API intake.

Why: every signal filed through the API names its places and categories by code, and looking
them up cost two queries of the dozen a request made. They change a few times a year (a
boundary import, the category list in the admin), so each process keeps them in memory.

Why that is safe: saving or deleting a place or category in this process forgets them at
once, and every process reads them again after REFRESH_SECONDS. `check_signal` judges the
held objects (district kind and validity dates, the neighbourhood's district, a category in
use and not a group heading), so for at most that long another process judges a signal by
the list as it was just before the change, as if the signal had come in a minute earlier.
Nothing that no longer exists can be stored: the foreign keys still refuse it and the
action's transaction then stores nothing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from samen.places.models import Place
from samen.signals.models import Category

REFRESH_SECONDS = 60.0


@dataclass(frozen=True)
class Codes:
    """The places and categories a signal may name, each by its exact code."""

    districts: dict[str, Place]
    neighbourhoods: dict[str, Place]
    categories: dict[str, Category]
    loaded_at: float


_held: Codes | None = None


def held_codes() -> Codes:
    """The codes as this process holds them, read again when missing or older than allowed."""
    global _held
    codes = _held
    if codes is None or time.monotonic() - codes.loaded_at > REFRESH_SECONDS:
        codes = _held = _load()
    return codes


def forget_codes(**_signal_kwargs) -> None:
    """Make the next request read them again (connected to saves and deletes of both models)."""
    global _held
    _held = None


def _load() -> Codes:
    districts, neighbourhoods = {}, {}
    for place in Place.objects.filter(kind__in=[Place.Kind.DISTRICT, Place.Kind.NEIGHBOURHOOD]):
        target = districts if place.kind == Place.Kind.DISTRICT else neighbourhoods
        target[place.code] = place
    categories = {category.code: category for category in Category.objects.all()}
    return Codes(districts, neighbourhoods, categories, time.monotonic())
