"""The early warning on synthetic series, and the loaders on the weekly counts."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from scipy import stats

from samen.core.weeks import week_of
from samen.monitor import early_warning as monitor
from samen.places.models import Place
from samen.signals.actions import SignalFields, signal_record
from samen.signals.batches import bulk_store
from samen.signals.models import Category, Signal

RATE = 0.01
WEEK = datetime.timedelta(weeks=1)


def this_week() -> datetime.date:
    return week_of(timezone.localdate())


def plant(district: Place, category: Category, week: datetime.date, n: int, severity=2) -> None:
    """Store `n` signals in one district-week at once, keeping the weekly counts in step."""
    occurred = timezone.make_aware(datetime.datetime.combine(week, datetime.time(9)))
    occurred = min(occurred, timezone.now() - datetime.timedelta(minutes=5))
    signals = [
        Signal(
            district=district,
            occurred_at=occurred,
            week=week_of(occurred),
            severity=severity,
            source_type="own_observation",
            information_class="evidenced",
            confidence=2,
            text="Spanning op het plein.",
        )
        for _ in range(n)
    ]
    bulk_store(signals, [[category.pk]] * n)


def record(by, district: Place, category: Category, **overrides) -> Signal:
    """File one signal the way the form does."""
    values = {
        "district": district,
        "neighbourhood": None,
        "occurred_at": timezone.now() - datetime.timedelta(hours=1),
        "categories": [category],
        "severity": 3,
        "source_type": "resident",
        "information_class": "experienced",
        "confidence": 2,
        "text": "Onrust na een ruzie aan de schoolpoort.",
    }
    values.update(overrides)
    return signal_record(by=by, fields=SignalFields(**values))


def flags(series: list[int], history: int = 12, rate: float = RATE) -> list[int]:
    """The indexes of the weeks in `series` that warn, each against the weeks before it."""
    return [
        i
        for i in range(history, len(series))
        if monitor.warning_for(series[i], series[i - history : i], rate)
    ]


# --- The pure statistics ----------------------------------------------------------------------


def test_a_flat_series_never_warns():
    assert flags([10] * 60) == []
    assert monitor.warning_for(11, [10] * 12, RATE) is None


def test_a_clear_rise_warns_under_poisson():
    history = [9, 11, 10, 12, 8, 10, 9, 11, 10, 10, 12, 8]
    warning = monitor.warning_for(30, history, RATE)
    assert warning is not None
    assert warning.model == "poisson"
    assert warning.expected == pytest.approx(10)
    assert warning.probability == pytest.approx(stats.poisson.sf(29, 10))
    assert warning.upper < 30
    assert monitor.warning_for(14, history, RATE) is None


def test_the_band_ends_exactly_where_warnings_begin():
    for history in ([9, 11, 10, 12, 8, 10, 9, 11, 10, 10, 12, 8], [1, 0, 3, 0, 9, 2, 0, 14, 1]):
        baseline = monitor.fit_baseline(history)
        upper = baseline.upper(RATE)
        for observed in range(60):
            warned = monitor.warning_for(observed, history, RATE) is not None
            assert warned == (observed > upper), (history, observed, upper)
        assert baseline.tail(upper) >= RATE > baseline.tail(upper + 1)


def test_too_little_history_never_warns():
    # Three weeks with signals: the baseline rests on too little (docs/monitor.md).
    assert monitor.fit_baseline([0] * 9 + [1, 2, 1]) is None
    assert monitor.warning_for(50, [0] * 9 + [1, 2, 1], RATE) is None
    assert monitor.fit_baseline([0] * 8 + [1, 2, 1, 1]) is not None
    assert monitor.warning_for(50, [0] * 8 + [1, 2, 1, 1], RATE) is not None


def test_weeks_without_a_row_count_as_zero():
    start = datetime.date(2025, 1, 6)
    weeks = [start + WEEK * n for n in range(20)]
    counts = {w: (4, 8) for i, w in enumerate(weeks) if i % 2 == 0}  # every other week: none
    assessed = monitor.assess(weeks[12:], counts, history=12, rate=RATE, today=weeks[-1])
    assert [r.count for r in assessed] == [4, 0, 4, 0, 4, 0, 4, 0]
    assert assessed[0].expected == pytest.approx(2)  # six weeks of 4, six of 0
    assert assessed[-1].partial and not assessed[0].partial


def test_overdispersed_history_uses_a_negative_binomial():
    history = [2, 15, 3, 20, 1, 12, 4, 18, 2, 16, 3, 14]
    baseline = monitor.fit_baseline(history)
    assert baseline.overdispersed and baseline.model == "negative_binomial"
    # Poisson with the same mean calls 25 extreme; the spread these weeks show does not.
    assert stats.poisson.sf(24, baseline.mean) < RATE
    assert monitor.warning_for(25, history, RATE) is None
    warning = monitor.warning_for(80, history, RATE)
    assert warning is not None and warning.model == "negative_binomial"


def test_on_overdispersed_noise_the_negative_binomial_keeps_false_alarms_low():
    rng = np.random.default_rng(7)
    mean, shape = 20, 3  # variance = mean + mean²/shape, about eight times the mean
    series = rng.negative_binomial(shape, shape / (shape + mean), size=1200).tolist()
    fitted = len(flags(series)) / (len(series) - 12)
    poisson_only = sum(
        stats.poisson.sf(series[i] - 1, np.mean(series[i - 12 : i])) < RATE
        for i in range(12, len(series))
    ) / (len(series) - 12)
    assert fitted < 0.05
    assert poisson_only > 0.10


@pytest.mark.parametrize("mean", [3, 12, 40])
def test_poisson_noise_raises_false_alarms_at_about_the_rate(mean):
    rng = np.random.default_rng(2026 + mean)
    series = rng.poisson(mean, size=3000).tolist()
    weeks = [datetime.date(2000, 1, 3) + WEEK * n for n in range(len(series))]
    counts = {w: (c, c) for w, c in zip(weeks, series, strict=True)}
    assessed = monitor.assess(weeks[12:], counts, history=12, rate=RATE, today=weeks[-1])
    alarms = sum(1 for r in assessed if r.warning) / len(assessed)
    # About the rate: at most it by design, a little under it because counts are whole.
    assert 0.002 <= alarms <= 0.015


def test_planted_surges_are_found_and_little_else():
    rng = np.random.default_rng(11)
    series = rng.poisson(8, size=150).tolist()
    planted = {30: 4.0, 61: 3.0, 62: 3.0, 100: 5.0, 130: 2.5}
    for week, factor in planted.items():
        series[week] = int(rng.poisson(8 * factor))
    found = flags(series)
    assert {30, 61, 100, 130} <= set(found)
    assert len(set(found) - set(planted)) <= 2


def test_a_stricter_rate_warns_less():
    history = [9, 11, 10, 12, 8, 10, 9, 11, 10, 10, 12, 8]
    assert monitor.warning_for(18, history, 0.05) is not None
    assert monitor.warning_for(18, history, 0.001) is None


def test_a_rise_over_four_weeks_is_scored_on_their_total():
    history = [5, 4, 6, 5, 5, 6, 4, 5, 5, 6, 4, 5]
    rise = monitor.rise_for([9, 11, 10, 12], history, RATE)
    assert rise.unusual and rise.recent == 42 and rise.usual == pytest.approx(20)
    assert rise.probability == pytest.approx(stats.poisson.sf(41, 20))
    assert not monitor.rise_for([6, 6, 5, 7], history, RATE).unusual
    assert monitor.rise_for([5, 5, 5, 5], history, RATE) is None  # not above usual


def test_assess_skips_no_week_and_flags_the_surge():
    start = datetime.date(2025, 1, 6)
    weeks = [start + WEEK * n for n in range(16)]
    counts = {w: (10 + n % 3, 20) for n, w in enumerate(weeks)}
    counts[weeks[14]] = (35, 70)
    assessed = monitor.assess(weeks[12:], counts, history=12, rate=RATE, today=weeks[-1])
    assert [r.week for r in assessed] == weeks[12:]
    assert [bool(r.warning) for r in assessed] == [False, False, True, False]
    assert assessed[2].upper < 35 <= assessed[2].count
    assert assessed[2].weighted == 70


# --- Loading from the weekly counts -----------------------------------------------------------


@pytest.fixture
def youth(db) -> Category:
    return Category.objects.get(code="youth-groups")


def test_trends_follow_what_the_actions_count(personas, youth):
    now = this_week()
    for n in range(1, 13):
        plant(personas.borgerhout, youth, now - WEEK * n, 4 + n % 2)
    for _ in range(3):
        record(personas.frontline, personas.borgerhout, youth)
    series = monitor.trends([personas.borgerhout.pk], [now - WEEK, now])[personas.borgerhout.pk]
    assert [r.count for r in series] == [5, 3]
    assert series[1].weighted == 9  # three signals of severity 3
    assert series[1].expected == pytest.approx(4.5)
    by_category = monitor.trends([personas.borgerhout.pk], [now], category_id=youth.pk)
    assert by_category[personas.borgerhout.pk][0].count == 3


def test_the_loaders_never_read_signals(personas, youth):
    plant(personas.borgerhout, youth, this_week() - WEEK, 3)
    weeks = [this_week() - WEEK * n for n in range(3, -1, -1)]
    with CaptureQueriesContext(connection) as queries:
        monitor.trends([personas.borgerhout.pk, personas.berchem.pk], weeks)
        monitor.category_trends(personas.borgerhout.pk, weeks)
        monitor.rising_categories([personas.borgerhout.pk])
    assert len(queries) == 3
    assert not any("signals_signal" in q["sql"] for q in queries.captured_queries)


def test_a_category_rising_this_month_comes_first(personas, youth):
    racism = Category.objects.get(code="racism")
    now = this_week()
    for n in range(4, 16):
        plant(personas.borgerhout, youth, now - WEEK * n, 2 + n % 2)
        plant(personas.borgerhout, racism, now - WEEK * n, 5 + n % 2)
    for n in range(4):
        plant(personas.borgerhout, youth, now - WEEK * n, 9)
        plant(personas.borgerhout, racism, now - WEEK * n, 6)
    rising = monitor.rising_categories([personas.borgerhout.pk])
    assert rising[0].category_id == youth.pk and rising[0].rise.unusual
    assert rising[0].rise.recent == 36
    assert all(not r.rise.unusual for r in rising[1:])


def test_latest_levels_take_the_newest_judgement(personas):
    from samen.monitor.actions import tension_level_set

    now = this_week()
    for week, level in [(now - WEEK, 3), (now, 2), (now, 1)]:
        tension_level_set(
            by=personas.coordinator,
            place=personas.borgerhout,
            week=week,
            level=level,
            rationale="Rustig.",
        )
    levels = monitor.latest_levels([personas.borgerhout.pk, personas.berchem.pk])
    assert list(levels) == [personas.borgerhout.pk]
    assert levels[personas.borgerhout.pk].level == 1
