"""Synthetic mediations: five years of disputes, with parties, sessions and outcomes.

Some aftercare checks are overdue, some mediations were closed more than three years ago and
some intakes stalled as long ago, so that the retention purge has something to do in the
demo; other intakes stalled long enough to show the warning before it. The demo frontline
worker mediates seven of them, one idle for over two years; the demo district coordinator
also coordinates mediation in their district, and so sees its parties, which the analyst and
the administrator never do. The bulk is stored with bulk_create, as the signals' seeder
does, inside the seed's one transaction.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from samen.core.dates import add_months
from samen.core.seeding import SeedRun, add_seeder
from samen.mediation.actions import AFTERCARE_AFTER_MONTHS, coordinator_designate
from samen.mediation.models import Mediation, Party, Session
from samen.people.models import User
from samen.people.roles import Role
from samen.places.models import Place

TOTAL = 300
DEMO_MEDIATOR = "buurtwerker@samen.test"
DEMO_COORDINATOR = "coordinator@samen.test"
# (days ago opened, status, aftercare check done) of the demo mediator's mediations.
DEMO_PLAN = [
    (4, Mediation.Status.ASSIGNED, None),
    (15, Mediation.Status.IN_SESSIONS, None),
    (40, Mediation.Status.IN_SESSIONS, None),
    (160, Mediation.Status.CLOSED, False),
    (420, Mediation.Status.CLOSED, True),
    (1400, Mediation.Status.CLOSED, True),
    (800, Mediation.Status.ASSIGNED, None),
]
KIND_WEIGHTS = {
    "noise": 30,
    "nuisance": 20,
    "parking": 12,
    "children": 12,
    "animals": 8,
    "discrimination": 6,
    "other": 12,
}
OUTCOME_WEIGHTS = {"agreement": 45, "partial": 25, "none": 18, "referred": 12}
DESCRIPTIONS = {
    "noise": "Luide muziek 's avonds en in het weekend; de buren slapen slecht.",
    "nuisance": "Afval en fietsen in de gemeenschappelijke gang zorgen voor ruzie.",
    "parking": "Discussie over een oprit die steeds wordt geblokkeerd.",
    "children": "Kinderen spelen tegen de gevel; de ouders verwijten elkaar van alles.",
    "animals": "Een hond blaft urenlang als de eigenaar weg is.",
    "discrimination": "Een bewoner voelt zich uitgesloten en beledigd door de buren.",
    "other": "Een conflict over een gemeenschappelijke haag loopt hoog op.",
}
SUMMARIES = [
    "Beide partijen gehoord; afspraken gemaakt over rustige uren.",
    "Gesprek verliep moeizaam; een tweede gesprek is gepland.",
    "Partijen erkennen elkaars standpunt; voorstel op papier gezet.",
    "Eén partij kwam niet opdagen; telefonisch opgevolgd.",
]


@add_seeder(order=50)
def seed_mediations(run: SeedRun) -> None:
    rng = run.rng
    districts = list(Place.objects.current().districts().order_by("code"))
    if not districts:
        return
    neighbourhoods: dict[int, list[Place]] = {}
    for n in Place.objects.neighbourhoods().filter(parent__in=districts):
        neighbourhoods.setdefault(n.parent_id, []).append(n)
    workers: dict[int, list[User]] = {}
    for user in User.objects.filter(
        role=Role.FRONTLINE_WORKER, is_active=True, home_district__isnull=False
    ).exclude(email=DEMO_MEDIATOR):
        workers.setdefault(user.home_district_id, []).append(user)
    demo = User.objects.filter(email=DEMO_MEDIATOR).first()
    _designate_coordinators(run, districts, workers)

    now = timezone.now()
    today = timezone.localdate()
    mediations: list[Mediation] = []
    for number in range(TOTAL):
        district = rng.choice(districts)
        # Recent years hold more mediations; about a fifth lies beyond the retention period.
        age = int(rng.triangular(3, 5 * 365, 30))
        mediator = rng.choice(workers.get(district.pk) or [None])
        check_done = None
        if demo is not None and demo.home_district and number < len(DEMO_PLAN):
            # The demo frontline worker mediates a few, at every stage, in their district.
            district, mediator = demo.home_district, demo
            age, status, check_done = DEMO_PLAN[number]
        else:
            status = _status_for(rng, age, mediator)
        opened = now - datetime.timedelta(days=age, hours=rng.randint(0, 9))
        mediation = Mediation(
            kind=rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0],
            district=district,
            neighbourhood=rng.choice(neighbourhoods.get(district.pk) or [None]),
            status=status,
            created_by=rng.choice(workers.get(district.pk) or [mediator]),
            created_at=opened,
            mediator=mediator if status != Mediation.Status.INTAKE else None,
        )
        mediation.description = DESCRIPTIONS[mediation.kind]
        if mediation.mediator is not None:
            mediation.assigned_at = opened + datetime.timedelta(days=rng.randint(1, 3))
        mediation.last_activity_at = mediation.assigned_at or opened
        if status == Mediation.Status.CLOSED:
            _close(run, mediation, opened, today, check_done)
        mediations.append(mediation)
    Mediation.objects.bulk_create(mediations, batch_size=500)
    sessions = _seed_parties_and_sessions(run, mediations)
    overdue = sum(1 for m in mediations if m.aftercare_state == "overdue")
    run.out(
        f"{len(mediations)} mediations, {sessions} sessions, {overdue} aftercare checks overdue."
    )


def _designate_coordinators(run: SeedRun, districts, workers) -> None:
    """The demo district coordinator coordinates mediation in their district too; one
    city-wide coordinator and one for each of three other districts."""
    demo = User.objects.filter(email=DEMO_COORDINATOR, home_district__isnull=False).first()
    if demo is not None:
        coordinator_designate(by=None, user=demo, district=demo.home_district)
    pool = [u for users in workers.values() for u in users]
    if not pool:
        return
    coordinator_designate(by=None, user=run.rng.choice(pool))
    for district in districts[:3]:
        if workers.get(district.pk) and (demo is None or district != demo.home_district):
            coordinator_designate(by=None, user=workers[district.pk][0], district=district)


def _status_for(rng, age_days: int, mediator) -> str:
    if mediator is None:
        return Mediation.Status.INTAKE
    if age_days > 120:
        # One in twenty older intakes stalled and was never picked up.
        return Mediation.Status.INTAKE if rng.random() < 0.05 else Mediation.Status.CLOSED
    return rng.choices(
        [
            Mediation.Status.INTAKE,
            Mediation.Status.ASSIGNED,
            Mediation.Status.IN_SESSIONS,
            Mediation.Status.CLOSED,
        ],
        weights=[15, 20, 40, 25],
    )[0]


def _close(run: SeedRun, mediation: Mediation, opened, today, check_done: bool | None) -> None:
    rng = run.rng
    closed = opened + datetime.timedelta(days=rng.randint(20, 60))
    mediation.closed_at = min(closed, timezone.now())
    mediation.closed_by = mediation.mediator
    outcomes, weights = list(OUTCOME_WEIGHTS), list(OUTCOME_WEIGHTS.values())
    mediation.outcome = rng.choices(outcomes, weights=weights)[0]
    mediation.outcome_note = "Afspraken op papier gezet en door beide partijen ondertekend."
    mediation.aftercare_due = add_months(
        timezone.localtime(mediation.closed_at).date(), AFTERCARE_AFTER_MONTHS
    )
    # Most checks that fell due were done; about one in six is still waiting (overdue).
    if check_done is None:
        check_done = mediation.aftercare_due < today and rng.random() < 0.85
    if check_done:
        done = timezone.make_aware(
            datetime.datetime.combine(mediation.aftercare_due, datetime.time(10))
        ) + datetime.timedelta(days=rng.randint(0, 20))
        mediation.aftercare_done_at = min(done, timezone.now())
        mediation.aftercare_done_by = mediation.mediator
        mediation.aftercare_result = rng.choices(
            list(Mediation.AftercareResult.values), weights=[55, 25, 10, 10]
        )[0]


def _street(run: SeedRun) -> str:
    street = run.faker.street_name()
    return "".join(c for c in street if not c.isdigit()).strip()


def _seed_parties_and_sessions(run: SeedRun, mediations: list[Mediation]) -> int:
    rng, faker = run.rng, run.faker
    parties: list[Party] = []
    for mediation in mediations:
        for _number in range(rng.choices([2, 3], weights=[80, 20])[0]):
            group = rng.random() < 0.15
            parties.append(
                Party(
                    mediation=mediation,
                    kind=Party.Kind.GROUP if group else Party.Kind.RESIDENT,
                    name=f"Familie {faker.last_name()}" if group else faker.name(),
                    contact=faker.phone_number() if rng.random() < 0.8 else "",
                    street=_street(run),
                )
            )
    Party.objects.bulk_create(parties, batch_size=1000)
    by_mediation: dict[int, list[Party]] = {}
    for party in parties:
        by_mediation.setdefault(party.mediation_id, []).append(party)

    sessions: list[Session] = []
    attendees: list[list[Party]] = []
    for mediation in mediations:
        if mediation.status in (Mediation.Status.INTAKE, Mediation.Status.ASSIGNED):
            continue
        start = mediation.assigned_at or mediation.created_at
        end = mediation.closed_at or timezone.now()
        count = rng.randint(1, 4)
        for index in range(count):
            moment = start + (end - start) * (index + 1) / (count + 1)
            sessions.append(
                Session(
                    mediation=mediation,
                    held_on=timezone.localtime(moment).date(),
                    summary=rng.choice(SUMMARIES),
                    recorded_by=mediation.mediator,
                    recorded_at=moment,
                )
            )
            mediation.last_activity_at = max(mediation.last_activity_at, moment)
            present = by_mediation[mediation.pk]
            attendees.append(rng.sample(present, k=rng.randint(1, len(present))))
    Session.objects.bulk_create(sessions, batch_size=1000)
    Mediation.objects.bulk_update(mediations, ["last_activity_at"], batch_size=500)
    through = Session.attended.through
    through.objects.bulk_create(
        [
            through(session_id=session.pk, party_id=party.pk)
            for session, present in zip(sessions, attendees, strict=True)
            for party in present
        ],
        batch_size=2000,
    )
    return len(sessions)
