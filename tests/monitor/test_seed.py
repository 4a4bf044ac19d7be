"""The demo's tension levels: thirteen weeks per district with a coordinator, high in the
weeks of the signals seeder's planted surges."""

import datetime

import pytest
from django.utils import timezone

from samen.core.seeding import SeedRun
from samen.core.weeks import week_of
from samen.monitor.models import TensionLevel
from samen.monitor.seed import seed_tension_levels

pytestmark = pytest.mark.django_db


def run(surges) -> SeedRun:
    seeding = SeedRun(seed=7, staff=0, places_dir=None, out=lambda line: None, progress=False)
    seeding.surges = surges
    return seeding


def test_levels_are_high_in_the_surge_weeks(personas):
    seed_tension_levels(run([("11002S", 1, 2)]))
    levels = dict(
        TensionLevel.objects.filter(place=personas.borgerhout).values_list("week", "level")
    )
    this_week = week_of(timezone.localdate())
    assert len(levels) == 13
    surge = {this_week - datetime.timedelta(weeks=n) for n in (1, 2)}
    assert {week for week, level in levels.items() if level == 3} == surge
    assert set(levels.values()) - {3} <= {1, 2}
    # No coordinator in Berchem: no levels there.
    assert not TensionLevel.objects.filter(place=personas.berchem).exists()


def test_no_levels_without_signals(personas):
    seed_tension_levels(run(None))
    assert not TensionLevel.objects.exists()
