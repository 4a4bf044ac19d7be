"""The early warning: weekly counts against each place's own baseline, and the tension levels.

Everything here reads WeeklyCount rows (and the tension levels), never Signal rows, so the
cost depends on the places and weeks shown, not on how much history is stored. The pure
functions at the top take plain lists, so tests can feed them synthetic series; each loader
below them makes one query.

The method, in full in docs/monitor.md: a week is compared with the N weeks before it
(N = SAMEN_MONITOR_BASELINE_WEEKS; a week without a row counts as 0). When the baseline's
variance is at most its mean, a week's count is modelled as Poisson with that mean; when the
variance is larger (overdispersed), as negative binomial with the same mean and variance
(method of moments). A week is flagged when P(X >= observed) < SAMEN_MONITOR_FALSE_ALARM_RATE.
The band drawn on the charts ends at the largest count that is not flagged (the 1 - rate
quantile), so the flagged weeks are exactly those above the band.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from scipy import stats

from samen.core.weeks import week_of
from samen.monitor.models import TensionLevel, WeeklyCount
from samen.places.models import Place

# A baseline needs this many weeks with at least one signal before it may warn: fewer, and
# its mean and variance rest on too little to call anything unusual.
MIN_WEEKS_WITH_DATA = 4
# "This month" for the rising categories: the last four weeks, the current one included.
RISING_WEEKS = 4
WEEK = datetime.timedelta(weeks=1)

Counts = dict[datetime.date, tuple[int, int]]  # week -> (count, severity-weighted count)


def baseline_weeks() -> int:
    """Return how many earlier weeks make a place's baseline."""
    return settings.SAMEN_MONITOR_BASELINE_WEEKS


def false_alarm_rate() -> float:
    """Return the tail probability under which a week is flagged."""
    return settings.SAMEN_MONITOR_FALSE_ALARM_RATE


# --- Pure statistics --------------------------------------------------------------------------


def _params(mean: np.ndarray, variance: np.ndarray, span: int):
    """Split baselines into Poisson and negative binomial ones, with each one's parameters."""
    over = variance > mean
    poisson_mean = mean[~over] * span
    m, v = mean[over], variance[over]
    # Method of moments: mean r(1-p)/p and variance r(1-p)/p² match the baseline's.
    return over, poisson_mean, (m**2 / (v - m)) * span, m / v


def _sf(k: np.ndarray, mean: np.ndarray, variance: np.ndarray, span: int) -> np.ndarray:
    """Return P(X > k) element-wise, each element under its own baseline."""
    over, poisson_mean, r, p = _params(mean, variance, span)
    out = np.empty(k.shape, dtype=float)
    if (~over).any():
        out[~over] = stats.poisson.sf(k[~over], poisson_mean)
    if over.any():
        out[over] = stats.nbinom.sf(k[over], r, p)
    return out


def _ppf(q: float, mean: np.ndarray, variance: np.ndarray, span: int) -> np.ndarray:
    over, poisson_mean, r, p = _params(mean, variance, span)
    out = np.empty(mean.shape, dtype=float)
    if (~over).any():
        out[~over] = stats.poisson.ppf(q, poisson_mean)
    if over.any():
        out[over] = stats.nbinom.ppf(q, r, p)
    return out


def tails(observed, mean, variance, span: int = 1) -> np.ndarray:
    """Return P(X >= observed) for each (observed, mean, variance) of weekly baselines."""
    observed, mean, variance = (np.asarray(a, dtype=float) for a in (observed, mean, variance))
    return np.where(observed <= 0, 1.0, _sf(observed - 1, mean, variance, span))


def uppers(mean, variance, rate: float, span: int = 1) -> np.ndarray:
    """Return the largest total that is not flagged under each baseline: the band's top."""
    mean, variance = np.asarray(mean, dtype=float), np.asarray(variance, dtype=float)
    top = _ppf(1 - rate, mean, variance, span)
    # The quantile and the tail are computed apart; settle the edge so band and flag agree:
    # top is not flagged (P(X >= top) >= rate) and top + 1 is (P(X >= top + 1) < rate).
    for _ in range(100):
        higher = _sf(top, mean, variance, span) >= rate
        if not higher.any():
            break
        top = top + higher
    for _ in range(100):
        lower = (top > 0) & (_sf(top - 1, mean, variance, span) < rate)
        if not lower.any():
            break
        top = top - lower
    return top.astype(int)


@dataclass(frozen=True)
class Baseline:
    """What a place's earlier weeks say to expect: their mean and variance per week."""

    mean: float
    variance: float
    weeks: int
    weeks_with_data: int

    @property
    def overdispersed(self) -> bool:
        return self.variance > self.mean

    @property
    def model(self) -> str:
        return "negative_binomial" if self.overdispersed else "poisson"

    def tail(self, observed: int, span: int = 1) -> float:
        """Return P(X >= observed) for the total over `span` weeks."""
        return float(tails([observed], [self.mean], [self.variance], span)[0])

    def upper(self, rate: float, span: int = 1) -> int:
        """Return the largest total over `span` weeks that is not flagged."""
        return int(uppers([self.mean], [self.variance], rate, span)[0])


@dataclass(frozen=True)
class EarlyWarning:
    """A statistically unusual count, for a human to look at.

    (Not called `Warning`, which would shadow Python's built-in exception class.)
    """

    observed: int
    expected: float
    upper: int
    probability: float  # P(X >= observed | baseline)
    model: str


def fit_baseline(history: list[int]) -> Baseline | None:
    """Fit the baseline of a weekly series; None when it has too few weeks with signals."""
    with_data = sum(1 for count in history if count > 0)
    if with_data < MIN_WEEKS_WITH_DATA:
        return None
    n = len(history)
    mean = sum(history) / n
    variance = sum((count - mean) ** 2 for count in history) / (n - 1)
    return Baseline(mean=mean, variance=variance, weeks=n, weeks_with_data=with_data)


def warning_for(observed: int, history: list[int], rate: float) -> EarlyWarning | None:
    """Flag `observed` when it is unusual against `history` (the weeks before it)."""
    baseline = fit_baseline(history)
    return None if baseline is None else _judge(observed, baseline, rate)


def _judge(observed: int, baseline: Baseline, rate: float) -> EarlyWarning | None:
    probability = baseline.tail(observed)
    if probability >= rate:
        return None
    return EarlyWarning(observed, baseline.mean, baseline.upper(rate), probability, baseline.model)


@dataclass(frozen=True)
class Rise:
    """A total over the last weeks against what the baseline expects for as many weeks."""

    recent: int
    usual: float
    upper: int
    probability: float
    unusual: bool


def rise_for(recent: list[int], history: list[int], rate: float) -> Rise | None:
    """Score the total of `recent` weeks against `history`; None unless it is above usual."""
    return rises([(recent, history)], rate)[0]


def rises(series: list[tuple[list[int], list[int]]], rate: float) -> list[Rise | None]:
    """Score many (recent weeks, history) pairs at once; see `rise_for`."""
    found: list[Rise | None] = [None] * len(series)
    scored = []
    for i, (recent, history) in enumerate(series):
        baseline = fit_baseline(history)
        if baseline is not None and sum(recent) > baseline.mean * len(recent):
            scored.append((i, len(recent), sum(recent), baseline))
    for span in {s[1] for s in scored}:
        group = [s for s in scored if s[1] == span]
        means = [b.mean for *_, b in group]
        variances = [b.variance for *_, b in group]
        probability = tails([total for _, _, total, _ in group], means, variances, span)
        top = uppers(means, variances, rate, span)
        for (i, _, total, baseline), p, upper in zip(group, probability, top, strict=True):
            found[i] = Rise(total, baseline.mean * span, int(upper), float(p), bool(p < rate))
    return found


@dataclass(frozen=True)
class WeekStat:
    """One week of one place (and category): its counts against its own baseline."""

    week: datetime.date
    count: int
    weighted: int
    expected: float | None
    upper: int | None
    warning: EarlyWarning | None
    partial: bool  # the current week, still filling up


def assess(
    weeks: list[datetime.date],
    counts: Counts,
    *,
    history: int,
    rate: float,
    today: datetime.date | None = None,
) -> list[WeekStat]:
    """Compare each of `weeks` with the `history` weeks before it."""
    this_week = week_of(today or timezone.localdate())
    observed = [counts.get(week, (0, 0)) for week in weeks]
    baselines = [
        fit_baseline([counts.get(week - WEEK * n, (0, 0))[0] for n in range(history, 0, -1)])
        for week in weeks
    ]
    # All weeks with a baseline in one go: the distributions are evaluated as arrays.
    fitted = [i for i, b in enumerate(baselines) if b is not None]
    means = [baselines[i].mean for i in fitted]
    variances = [baselines[i].variance for i in fitted]
    probability = dict(
        zip(fitted, tails([observed[i][0] for i in fitted], means, variances), strict=True)
    )
    top = dict(zip(fitted, uppers(means, variances, rate), strict=True)) if fitted else {}
    assessed = []
    for i, week in enumerate(weeks):
        (count, weighted), baseline = observed[i], baselines[i]
        warning = None
        if baseline is not None and probability[i] < rate:
            warning = EarlyWarning(
                count, baseline.mean, int(top[i]), float(probability[i]), baseline.model
            )
        assessed.append(
            WeekStat(
                week=week,
                count=count,
                weighted=weighted,
                expected=baseline.mean if baseline else None,
                upper=int(top[i]) if baseline else None,
                warning=warning,
                partial=week == this_week,
            )
        )
    return assessed


# --- Loading: one query each ------------------------------------------------------------------


def load_counts(
    place_ids: Iterable[int],
    first: datetime.date,
    last: datetime.date,
    *,
    category_id: int | None = None,
    per_category: bool = False,
) -> dict[tuple[int, int | None], Counts]:
    """Read weekly counts by (place, category): overall (None), one category's, or every one's."""
    rows = WeeklyCount.objects.filter(place_id__in=list(place_ids), week__gte=first, week__lte=last)
    if per_category:
        rows = rows.filter(category__isnull=False)
    elif category_id is not None:
        rows = rows.filter(category_id=category_id)
    else:
        rows = rows.filter(category__isnull=True)
    found: dict[tuple[int, int | None], Counts] = defaultdict(dict)
    for place, category, week, count, weighted in rows.values_list(
        "place_id", "category_id", "week", "count", "weighted"
    ):
        found[(place, category)][week] = (count, weighted)
    return found


def trends(
    place_ids: list[int],
    weeks: list[datetime.date],
    *,
    category_id: int | None = None,
    today: datetime.date | None = None,
) -> dict[int, list[WeekStat]]:
    """Return the assessed weekly series of each place, overall or for one category."""
    history = baseline_weeks()
    if not weeks:
        return {place: [] for place in place_ids}
    counts = load_counts(place_ids, weeks[0] - WEEK * history, weeks[-1], category_id=category_id)
    return {
        place: assess(
            weeks,
            counts.get((place, category_id), {}),
            history=history,
            rate=false_alarm_rate(),
            today=today,
        )
        for place in place_ids
    }


def category_trends(
    place_id: int, weeks: list[datetime.date], *, today: datetime.date | None = None
) -> dict[int, list[WeekStat]]:
    """Return the assessed weekly series of every category with counts in one place."""
    history = baseline_weeks()
    if not weeks:
        return {}
    counts = load_counts([place_id], weeks[0] - WEEK * history, weeks[-1], per_category=True)
    return {
        category: assess(weeks, series, history=history, rate=false_alarm_rate(), today=today)
        for (_, category), series in counts.items()
    }


@dataclass(frozen=True)
class RisingCategory:
    place_id: int
    category_id: int
    rise: Rise


def rising_categories(
    place_ids: list[int], *, today: datetime.date | None = None
) -> list[RisingCategory]:
    """Rank the categories rising this month in each place, most unusual first."""
    history, rate = baseline_weeks(), false_alarm_rate()
    this_week = week_of(today or timezone.localdate())
    recent_weeks = [this_week - WEEK * n for n in range(RISING_WEEKS - 1, -1, -1)]
    before = [recent_weeks[0] - WEEK * n for n in range(history, 0, -1)]
    counts = load_counts(place_ids, before[0], this_week, per_category=True)
    keys = list(counts)
    scores = rises(
        [
            (
                [counts[key].get(w, (0, 0))[0] for w in recent_weeks],
                [counts[key].get(w, (0, 0))[0] for w in before],
            )
            for key in keys
        ],
        rate,
    )
    rising = [
        RisingCategory(place, category, rise)
        for (place, category), rise in zip(keys, scores, strict=True)
        if rise is not None
    ]
    rising.sort(key=lambda r: (r.rise.probability, -r.rise.recent))
    return rising


def latest_levels(place_ids: list[int]) -> dict[int, TensionLevel]:
    """Return the newest tension level of each place that has one."""
    newest = (
        TensionLevel.objects.filter(place=OuterRef("pk"))
        .order_by("-week", "-set_at", "-pk")
        .values("pk")[:1]
    )
    chosen = Place.objects.filter(pk__in=place_ids).annotate(level=Subquery(newest))
    levels = TensionLevel.objects.filter(pk__in=chosen.values("level")).select_related("set_by")
    return {level.place_id: level for level in levels}


def method_facts() -> dict:
    """Return the method's settings, for the pages that explain it."""
    rate = false_alarm_rate()
    return {
        "baseline_weeks": baseline_weeks(),
        "min_weeks": MIN_WEEKS_WITH_DATA,
        "rate_percent": f"{rate * 100:g}",
        "one_in": round(1 / rate),
        "rising_weeks": RISING_WEEKS,
    }
