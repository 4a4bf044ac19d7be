"""A year of synthetic signals with seasons, weekly rhythm and a few planted surges.

The surges are there for the early warning to find in the demo: each is a few weeks in
which one district sees several times its usual signals in one category.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.utils import timezone
from tqdm import tqdm

from samen.core.seeding import SeedRun, add_seeder
from samen.core.weeks import week_of
from samen.people.models import User
from samen.people.roles import Role
from samen.places.models import Place
from samen.places.seed import DISTRICT_WEIGHTS
from samen.signals.batches import bulk_store
from samen.signals.models import Category, FollowUp, Signal

CATEGORY_WEIGHTS = {
    "youth-groups": 14,
    "racism": 12,
    "rules": 12,
    "housing": 9,
    "poverty": 9,
    "safety": 9,
    "religion": 6,
    "migration": 6,
    "international-conflict": 5,
    "distrust": 5,
    "gender": 3,
    "well-being": 5,
    "health": 3,
    "education": 4,
    "work": 3,
    "right-wing": 3,
    "islamist": 2,
    "left-wing": 1,
    "animal-rights": 1,
    "extremism-other": 1,
}
SITUATIONS = {
    "youth-groups": "Spanning tussen twee groepen jongeren op het pleintje, met duwen en roepen.",
    "racism": "Racistische scheldwoorden geroepen naar voorbijgangers aan de tramhalte.",
    "rules": "Aanhoudende overlast door lawaai en afval rond de speeltuin in de avond.",
    "housing": "Buren klagen over overbewoning en conflicten in de gemeenschappelijke gang.",
    "poverty": "Meer gezinnen vragen voedselhulp; frustratie over lange wachtrijen.",
    "safety": "Bewoners voelen zich onveilig na donker door samenscholingen aan het station.",
    "religion": "Discussie op sociale media over de nieuwe gebedsruimte loopt hoog op.",
    "migration": "Geruchten over een nieuw opvangcentrum zorgen voor onrust op de wijkvergadering.",
    "international-conflict": "Spanningen op school na beelden van een conflict in het buitenland.",
    "distrust": "Flyers met complottheorieën over de stad verspreid in brievenbussen.",
    "gender": "Pesterijen tegen een holebi-koppel in de straat, meerdere getuigen.",
    "well-being": "Jongeren zonder dagbesteding hangen rond; buurtwerkers merken somberheid.",
    "health": "Drugsgebruik in de portieken zorgt voor wrevel tussen bewoners.",
    "education": "Conflict tussen ouders aan de schoolpoort na een ruzie tussen leerlingen.",
    "work": "Groep werkzoekenden voelt zich uitgesloten en uit boosheid op een bijeenkomst.",
    "right-wing": "Stickers met extreemrechtse symbolen op verlichtingspalen langs de steenweg.",
    "islamist": "Onrustwekkende online oproepen gedeeld in een groep jongeren uit de wijk.",
    "left-wing": "Graffiti met oproepen tot geweld tegen de politie op een brugpijler.",
    "animal-rights": "Bedreigende affiches bij een slagerij na een online campagne.",
    "extremism-other": "Onduidelijke dreigende boodschappen op muren bij het park.",
}


@dataclass(frozen=True)
class Surge:
    district: str
    category: str
    weeks_ago: int  # the surge's last week, counted back from the current week
    length: int
    factor: float


SURGES = [
    Surge("11002S", "youth-groups", weeks_ago=5, length=2, factor=4.0),
    Surge("11002R", "right-wing", weeks_ago=10, length=1, factor=8.0),
    Surge("11002V", "racism", weeks_ago=1, length=2, factor=4.0),
    Surge("11002Z", "international-conflict", weeks_ago=20, length=3, factor=3.5),
]


def season(day: datetime.date) -> float:
    """More signals in summer evenings outside, fewer in the winter holidays."""
    return 1.0 + 0.3 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 100) / 365.25)


@add_seeder(order=30)
def seed_signals(run: SeedRun) -> None:
    total = getattr(run, "signals", 20_000)
    if total <= 0:
        return
    rng = run.rng
    districts = {d.code: d for d in Place.objects.current().districts()}
    neighbourhoods: dict[int, list[Place]] = {}
    for n in Place.objects.neighbourhoods().filter(parent__in=districts.values()):
        neighbourhoods.setdefault(n.parent_id, []).append(n)
    categories = {c.code: c for c in Category.objects.filter(parent__isnull=False)}
    reporters: dict[int, list[User]] = {}
    for user in User.objects.filter(role=Role.FRONTLINE_WORKER, home_district__isnull=False):
        reporters.setdefault(user.home_district_id, []).append(user)
    this_week = week_of(timezone.localdate())
    weeks = [this_week - datetime.timedelta(weeks=n) for n in range(51, -1, -1)]

    # Expected signals per district-week-category; surges multiply their cell.
    expected: dict[tuple[str, datetime.date, str], float] = {}
    for week in weeks:
        for d_code, d_weight in DISTRICT_WEIGHTS.items():
            if d_code not in districts:
                continue
            for c_code, c_weight in CATEGORY_WEIGHTS.items():
                expected[(d_code, week, c_code)] = d_weight * c_weight * season(week)
    for surge in SURGES:
        for n in range(surge.length):
            week = this_week - datetime.timedelta(weeks=surge.weeks_ago + n)
            key = (surge.district, week, surge.category)
            if key in expected:
                expected[key] *= surge.factor
    scale = total / sum(expected.values())

    signals, category_ids = [], []
    now = timezone.now()
    for (d_code, week, c_code), mean in tqdm(
        expected.items(), desc="signals", disable=not run.progress, unit=" cells"
    ):
        district = districts[d_code]
        for _ in range(_poisson(rng, mean * scale)):
            occurred = timezone.make_aware(
                datetime.datetime.combine(week, datetime.time(8))
                + datetime.timedelta(days=rng.randrange(7), minutes=rng.randrange(14 * 60))
            )
            if occurred > now:
                continue
            severity = rng.choices([1, 2, 3, 4], weights=[45, 35, 15, 5])[0]
            if c_code in ("right-wing", "islamist", "left-wing", "animal-rights"):
                severity = max(severity, 2)
            age = (this_week - week).days // 7
            status = Signal.Status.CLOSED if age > 8 else rng.choice(list(Signal.Status.values))
            extra = rng.choice([None, None, "poverty", "housing", "well-being"])
            ids = [categories[c_code].pk]
            if extra and extra != c_code:
                ids.append(categories[extra].pk)
            signals.append(
                Signal(
                    district=district,
                    neighbourhood=rng.choice(neighbourhoods.get(district.pk) or [None]),
                    occurred_at=occurred,
                    week=week,
                    severity=severity,
                    source_type=rng.choice(list(Signal.SourceType.values)),
                    information_class=rng.choices(
                        list(Signal.InformationClass.values), weights=[40, 40, 20]
                    )[0],
                    confidence=rng.choices([1, 2, 3], weights=[20, 50, 30])[0],
                    text=SITUATIONS[c_code],
                    status=status,
                    reporter=rng.choice(reporters.get(district.pk) or [None]),
                )
            )
            category_ids.append(ids)
    bulk_store(signals, category_ids)
    _seed_follow_ups(run)
    # The tension monitor's seeder (35) sets its levels high in the weeks of these surges.
    run.surges = [(s.district, s.weeks_ago, s.length) for s in SURGES]
    run.out(f"{len(signals)} signals over 52 weeks, {len(SURGES)} planted surges.")


def _poisson(rng, mean: float) -> int:
    """Knuth's method; means here stay small (a few per cell)."""
    if mean <= 0:
        return 0
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _seed_follow_ups(run: SeedRun) -> None:
    """Give every followed-up signal what it led to, as the workflow would have."""
    coordinators = {
        u.home_district_id: u
        for u in User.objects.filter(role=Role.DISTRICT_COORDINATOR, home_district__isnull=False)
    }
    kinds = [k for k in FollowUp.Kind.values if k != FollowUp.Kind.OTHER]
    today = timezone.localdate()
    follow_ups = []
    followed = Signal.objects.filter(status=Signal.Status.FOLLOWED_UP).only("pk", "district_id")
    for signal in followed.order_by("pk"):
        by = coordinators.get(signal.district_id)
        if by is None:
            continue
        follow_ups.append(
            FollowUp(
                signal=signal,
                district_id=signal.district_id,
                kind=run.rng.choices(kinds, weights=[50, 20, 25, 5])[0],
                is_open=(is_open := run.rng.random() < 0.6),
                # Some open ones with a date to be done by, a few of them past it.
                due_on=today + datetime.timedelta(days=run.rng.randint(-10, 30))
                if is_open and run.rng.random() < 0.3
                else None,
                created_by=by,
            )
        )
    FollowUp.objects.bulk_create(follow_ups, batch_size=2000)
