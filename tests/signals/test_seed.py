"""The demo's signals: a year of synthetic signals with planted surges
(samen/signals/seed.py)."""

import datetime

import pytest
from django.utils import timezone

from samen.core.seeding import SeedRun
from samen.core.weeks import week_of
from samen.monitor.models import WeeklyCount
from samen.signals.models import FollowUp, Signal
from samen.signals.seed import SITUATIONS, SURGES, seed_signals

pytestmark = pytest.mark.django_db


def run(signals: int) -> SeedRun:
    lines = []
    seeding = SeedRun(
        seed=7, staff=0, places_dir=None, out=lines.append, progress=False, signals=signals
    )
    seeding.lines = lines
    return seeding


def test_a_year_of_signals_with_synthetic_text_and_their_counts(personas):
    seeding = run(400)
    seed_signals(seeding)
    signals = Signal.objects.all()
    assert 300 < signals.count() < 500
    assert set(signals.values_list("text", flat=True)) <= set(SITUATIONS.values())
    this_week = week_of(timezone.localdate())
    first, last = min(s.week for s in signals), max(s.week for s in signals)
    assert last <= this_week and first >= this_week - datetime.timedelta(weeks=51)
    assert all(s.occurred_at <= timezone.now() for s in signals)
    # Reporters are the district's own frontline workers, or nobody where it has none.
    reporters = set(signals.exclude(reporter=None).values_list("reporter", flat=True))
    assert reporters == {personas.frontline.pk, personas.other_frontline.pk}
    assert (
        not signals.filter(reporter=personas.frontline)
        .exclude(district=personas.borgerhout)
        .exists()
    )
    city_total = sum(
        WeeklyCount.objects.filter(place=personas.borgerhout.parent, category=None).values_list(
            "count", flat=True
        )
    )
    assert city_total == signals.count()
    assert seeding.lines == [
        f"{signals.count()} signals over 52 weeks, {len(SURGES)} planted surges."
    ]


def test_the_surges_travel_on_for_the_monitor_and_follow_ups_follow_the_status(personas):
    seeding = run(2000)
    seed_signals(seeding)
    assert seeding.surges == [(s.district, s.weeks_ago, s.length) for s in SURGES]
    # Only Borgerhout has a coordinator here: its followed-up signals have what they led to.
    followed = Signal.objects.filter(status=Signal.Status.FOLLOWED_UP)
    in_borgerhout = followed.filter(district=personas.borgerhout)
    assert in_borgerhout.exists()
    assert set(FollowUp.objects.values_list("signal", flat=True)) == set(
        in_borgerhout.values_list("pk", flat=True)
    )
    assert set(FollowUp.objects.values_list("created_by", flat=True)) == {personas.coordinator.pk}


def test_no_signals_asked_none_made():
    seeding = run(0)
    seed_signals(seeding)
    assert not Signal.objects.exists()
    assert seeding.surges is None
