"""Synthetic case work for the demo cases: meetings with minutes and decisions, assessments
(two for some cases, to show what changed), support plans and police-exchange facts.

Runs after the cases' seeder (seed.cases, order 40) and works on whatever cases and cycle it
made; with no prevention official seated or no cycle running, it adds nothing.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef

from samen.cases import access
from samen.cases.access.work import meeting_candidates
from samen.cases.actions.assessments import assessment_sign
from samen.cases.actions.meetings import (
    agenda_add,
    attendance_record,
    decision_record,
    meeting_schedule,
    minutes_write,
)
from samen.cases.actions.police import police_exchange_record
from samen.cases.actions.support import (
    plan_action_add,
    plan_action_set_status,
    plan_close,
    plan_open,
    plan_review_add,
)
from samen.cases.models import Case, CoreSeat, Invitation, PoliceExchange
from samen.core.seeding import SeedRun, add_seeder
from samen.people.models import Organisation
from samen.people.seed import DEMO_ACCOUNTS

MINUTES = [
    "Stand van zaken besproken. School meldt dat de jongere opnieuw naar de les komt; "
    "jeugdhulp heeft een eerste huisbezoek gedaan.",
    "Gezin staat open voor begeleiding. Vrijetijdsaanbod in de buurt wordt verkend.",
    "Weinig nieuwe signalen. Contact met de vertrouwenspersoon loopt goed.",
]
DECISIONS = [
    "Jeugdhulp neemt contact op met de ouders voor een gesprek.",
    "Leerlingenbegeleiding bekijkt een aangepast lesrooster.",
    "Op de volgende overlegronde opnieuw bespreken.",
]
NARRATIVES = {
    "beliefs": "Uitspraken over een bevolkingsgroep zijn minder scherp dan bij de aanmelding.",
    "social_context": "Vriendengroep deels veranderd; online contact met een bekende groep.",
    "history": "Geen gekende geweldsfeiten; wel conflicten op school.",
    "commitment": "Toont interesse in een opleiding; twijfelt over het stoppen van contacten.",
    "protective_factors": "Betrokken moeder, sportclub, een leerkracht als vertrouwenspersoon.",
}
LATER = {
    "beliefs": "Uitspraken over een bevolkingsgroep zijn zeldzaam geworden.",
    "commitment": "Is gestart met een opleiding; heeft de online contacten afgebouwd.",
    "protective_factors": "Betrokken moeder, sportclub, een leerkracht als vertrouwenspersoon, "
    "en een stageplaats.",
}
ACTIONS = [
    "Gesprek met de ouders plannen.",
    "Inschrijving bij de sportclub begeleiden.",
    "Zoeken naar een stageplaats.",
]


@add_seeder(order=45)
def seed_case_work(run: SeedRun) -> None:
    seat = (
        CoreSeat.objects.filter(
            kind=CoreSeat.Kind.PREVENTION_OFFICIAL, city__code=settings.SAMEN_CITY_CODE
        )
        .select_related("user")
        .first()
    )
    cycle = access.current_cycle()
    # The cases the demo accounts are invited to first, so that signing in as the demo
    # partner shows case work.
    demo_emails = [email for _role, email in DEMO_ACCOUNTS]
    demo_invited = Invitation.objects.filter(case=OuterRef("pk"), user__email__in=demo_emails)
    cases = list(
        Case.objects.live()
        .filter(status=Case.Status.OPEN)
        .annotate(demo=Exists(demo_invited))
        .order_by("-demo", "pk")[:12]
    )
    if seat is None or cycle is None or not cases:
        run.out("No seated prevention official, cycle or open case: no case work seeded.")
        return
    chair, today = seat.user, access.today()
    organisations = list(Organisation.objects.filter(is_active=True).order_by("pk")[:6])
    _meetings(run, chair, cycle, cases, today)
    for number, case in enumerate(cases[:8]):
        _assessments(run, chair, case, today, twice=number % 2 == 0)
        if number % 3 != 2:
            _plan(run, chair, case, organisations, today, close=number == 0)
        _police(run, chair, case, today, number)
    run.out(f"Case work: meetings, assessments and plans for {min(len(cases), 8)} cases.")


def _meetings(run: SeedRun, chair, cycle, cases: list[Case], today: datetime.date) -> None:
    days = sorted(
        {
            max(cycle.starts_on, today - datetime.timedelta(days=14)),
            min(cycle.ends_on, today + datetime.timedelta(days=14)),
        }
    )
    for index, day in enumerate(days):
        meeting = meeting_schedule(
            by=chair,
            held_on=day,
            starts_at=datetime.time(14, 0),
            place="Stadhuis, vergaderzaal 2",
            chair=chair,
        )
        items = [agenda_add(by=chair, meeting=meeting, case=case) for case in cases[index::2][:5]]
        if day > today:
            continue
        statuses = {
            member.pk: run.rng.choice(["present", "present", "present", "excused"])
            for member in meeting_candidates(meeting)
        }
        attendance_record(by=chair, meeting=meeting, statuses=statuses)
        for item in items:
            minutes_write(by=chair, item=item, minutes=run.rng.choice(MINUTES))
            decision_record(
                by=chair,
                item=item,
                text=run.rng.choice(DECISIONS),
                owner=chair,
                due_on=day + datetime.timedelta(days=run.rng.choice([7, 21, 42])),
            )


def _assessments(run: SeedRun, chair, case: Case, today: datetime.date, *, twice: bool) -> None:
    first_day = today - datetime.timedelta(days=60 if twice else 10)
    assessment_sign(by=chair, case=case, assessed_on=first_day, narratives=dict(NARRATIVES))
    if twice:
        assessment_sign(
            by=chair,
            case=case,
            assessed_on=today - datetime.timedelta(days=5),
            narratives={**NARRATIVES, **LATER},
        )


def _plan(run, chair, case: Case, organisations, today: datetime.date, *, close: bool) -> None:
    plan = plan_open(by=chair, case=case)
    for offset, description in zip((-10, 14, 45), ACTIONS, strict=True):
        added = plan_action_add(
            by=chair,
            plan=plan,
            description=description,
            owner_organisation=run.rng.choice(organisations) if organisations else None,
            owner=None if organisations else chair,
            due_on=today + datetime.timedelta(days=offset),
        )
        if offset > 20 and close:
            plan_action_set_status(by=chair, plan_action=added, status="done")
    plan_review_add(
        by=chair,
        plan=plan,
        reviewed_on=today - datetime.timedelta(days=3),
        note="Afspraken lopen; het gezin werkt mee.",
    )
    if close:
        plan_close(by=chair, plan=plan, reason="Doelen van het plan bereikt.")


def _police(run: SeedRun, chair, case: Case, today: datetime.date, number: int) -> None:
    if number % 2:
        return
    police_exchange_record(
        by=chair,
        case=case,
        exchanged_on=today - datetime.timedelta(days=run.rng.randint(1, 30)),
        direction=PoliceExchange.Direction.values[number % 2],
        counterpart=PoliceExchange.Counterpart.values[(number // 2) % 2],
        reference=f"LTF-{today.year}-{run.rng.randint(1, 999):03d}",
    )
