"""Synthetic case consultation: the core table, a meeting cycle, about 40 cases, invitations
(one for the demo partner) and referrals. Every name and address comes from Faker.

Every seat and invitation is confirmed, so the demo works at once: the mayor's seat by the
demo data-protection officer, the rest as the mayor's own decision."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy

from samen.cases.actions.cases import (
    case_close,
    case_open,
    cycle_open,
    referral_reject,
    referral_submit,
)
from samen.cases.actions.table import (
    grant_confirm,
    invitation_propose,
    mayor_seat_propose,
    seat_propose,
)
from samen.cases.models import Case, Clearance, CoreSeat, ExtremismType
from samen.core.seeding import SeedRun, add_demo_account, add_seeder
from samen.people.actions import staff_member_create
from samen.people.models import Organisation, User
from samen.people.roles import Role
from samen.people.seed import demo_password, set_demo_password

MAYOR_EMAIL = "burgemeester@samen.test"
MAYOR_LABEL = gettext_lazy("mayor (case consultation)")
MAYOR_NOTE = gettext_lazy("(sets up two-factor authentication at first sign-in)")
add_demo_account(MAYOR_EMAIL, MAYOR_LABEL, MAYOR_NOTE)
PREVENTION_EMAIL = "preventie@samen.test"
PARTNER_EMAIL = "partner@samen.test"
DPO_EMAIL = "dpo@samen.test"
TYPE_WEIGHTS = {
    ExtremismType.RIGHT_WING: 0.35,
    ExtremismType.ISLAMIST: 0.35,
    ExtremismType.LEFT_WING: 0.12,
    ExtremismType.ANIMAL_RIGHTS: 0.06,
    ExtremismType.OTHER: 0.12,
}
PURPOSES = [
    "Zorgen over contacten met een gewelddadige groep; nagaan welke steun school en jeugdhulp "
    "kunnen bieden.",
    "Verheerlijking van geweld op sociale media; begeleiding naar opleiding en werk bekijken.",
    "Signalen van isolement en haatdragende uitspraken; gezin en vrijetijdsaanbod betrekken.",
    "Terugkeer na detentie; re-integratie en psychosociale ondersteuning afstemmen.",
    "Radicaliserende contacten online; ouders ondersteunen en een vertrouwenspersoon zoeken.",
]
REASONS = [
    "Leerkracht merkt een snelle verandering in uitspraken en vriendengroep.",
    "Jeugdwerker hoort dreigende taal over een bevolkingsgroep.",
    "Buurtregisseur meldt propaganda en contact met een bekende groep.",
]


def _pick_type(run: SeedRun) -> str:
    return run.rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]


def _person(run: SeedRun, today: datetime.date) -> dict:
    age_days = run.rng.randint(14 * 365, 40 * 365)
    return {
        "name": run.faker.name(),
        "birth_date": today - datetime.timedelta(days=age_days),
        "address": run.faker.street_address() + ", Antwerpen" if run.rng.random() < 0.7 else "",
    }


def seat_the_core(run: SeedRun) -> User:
    """The demo mayor, the prevention official and a cleared police representative."""
    password = demo_password(run.seed)
    city_department = Organisation.objects.filter(sector=Organisation.Sector.CITY).first()
    mayor = staff_member_create(
        by=None,
        email=MAYOR_EMAIL,
        full_name=run.faker.name(),
        role=Role.POLICY_ANALYST,
        job_title="burgemeester",
        organisation=city_department,
    )
    set_demo_password(mayor, password)
    # The police seat goes to a partner professional of a police organisation (one of the
    # seeded staff, so the department's head count stays what `--staff` asked for).
    partners = User.objects.filter(role=Role.PARTNER_PROFESSIONAL).exclude(email=PARTNER_EMAIL)
    police = (
        partners.filter(organisations__sector=Organisation.Sector.POLICE).order_by("pk").first()
        or partners.order_by("pk").first()
    )
    today = timezone.localdate()
    # The mayor's seat as an operator proposes it, confirmed by the data-protection officer;
    # the other seats are the mayor's decision, so confirmed as the mayor proposes them.
    seat = mayor_seat_propose(by=None, user=mayor)
    grant_confirm(by=User.objects.get(email=DPO_EMAIL), grant=seat)
    seat_propose(
        by=mayor,
        kind=CoreSeat.Kind.PREVENTION_OFFICIAL,
        user=User.objects.get(email=PREVENTION_EMAIL),
    )
    seat_propose(
        by=mayor,
        kind=CoreSeat.Kind.POLICE,
        user=police,
        clearance=Clearance.SECRET,
        clearance_expires_on=today + datetime.timedelta(days=730),
    )
    run.accounts.append((MAYOR_LABEL, MAYOR_EMAIL, password, MAYOR_NOTE))
    return mayor


def create_cases(run: SeedRun, mayor: User, count: int) -> list[Case]:
    """`count` cases opened over the last two years, about a third of them closed."""
    now = timezone.now()
    cases = []
    for number in range(count):
        opened_at = now - datetime.timedelta(days=run.rng.randint(5, 700), hours=number % 7)
        case = case_open(
            by=None,
            **_person(run, timezone.localdate()),
            purpose=run.rng.choice(PURPOSES),
            extremism_type=_pick_type(run),
            review_on=timezone.localdate() + datetime.timedelta(days=run.rng.randint(14, 180)),
            opened_at=opened_at,
        )
        age = (now - opened_at).days
        if age > 120 and run.rng.random() < 0.45:
            case_close(
                by=mayor,
                case=case,
                reason="Begeleiding loopt via de reguliere hulpverlening.",
                aftercare_needed=run.rng.random() < 0.7,
                closed_at=opened_at + datetime.timedelta(days=run.rng.randint(60, age)),
            )
        cases.append(case)
    return cases


@add_seeder(order=40)
def seed_cases(run: SeedRun) -> None:
    mayor = seat_the_core(run)
    prevention = User.objects.get(email=PREVENTION_EMAIL)
    today = timezone.localdate()
    # Titled by its year alone: a title is stored as written, and the pages put it after
    # "Meeting cycle" in the reader's own language.
    cycle_open(
        by=prevention,
        title=str(today.year),
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
    )
    cases = create_cases(run, mayor, 40)
    open_cases = [c for c in cases if c.is_open]
    police = CoreSeat.objects.get(kind=CoreSeat.Kind.POLICE).user
    partners = list(
        User.objects.filter(role=Role.PARTNER_PROFESSIONAL)
        .exclude(pk=police.pk)
        .exclude(email=PARTNER_EMAIL)
        .order_by("pk")
    )
    demo_partner = User.objects.get(email=PARTNER_EMAIL)
    partners = partners or [demo_partner]  # a tiny city (--staff 10) has no other partner
    for case in open_cases[:2]:
        invitation_propose(
            by=mayor, case=case, user=demo_partner, ends_on=today + datetime.timedelta(days=60)
        )
    for case in open_cases[2:14]:
        invitation_propose(
            by=mayor,
            case=case,
            user=run.rng.choice(partners),
            ends_on=today + datetime.timedelta(days=run.rng.randint(0, 120)),
        )
    for number in range(8):
        referral = referral_submit(
            by=run.rng.choice(partners),
            **_person(run, today),
            reason=run.rng.choice(REASONS),
            extremism_type=_pick_type(run),
        )
        if number < 2:
            referral_reject(
                by=mayor, referral=referral, reason="Geen aanwijzingen van gewelddadig extremisme."
            )
    run.out(f"{len(cases)} cases ({len(open_cases)} open), 8 referrals, a seated core.")
