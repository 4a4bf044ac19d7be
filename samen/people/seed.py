"""Synthetic staff, teams, partner organisations and one demo account per role."""

from __future__ import annotations

import re
import unicodedata

from django.contrib.auth import password_validation
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from tqdm import tqdm

from samen.core.actions import action
from samen.core.seeding import SeedRun, add_demo_account, add_seeder, demo_password
from samen.people.actions import organisation_create, staff_member_create, team_create
from samen.people.models import Organisation, PolicyLevel
from samen.people.roles import Role, requires_two_factor

DEMO_DISTRICT = "11002S"  # Borgerhout
DEMO_ACCOUNTS = [
    (Role.ADMINISTRATOR, "beheerder@samen.test"),
    (Role.POLICY_ANALYST, "analist@samen.test"),
    (Role.DISTRICT_COORDINATOR, "coordinator@samen.test"),
    (Role.FRONTLINE_WORKER, "buurtwerker@samen.test"),
    (Role.PREVENTION_OFFICER, "preventie@samen.test"),
    (Role.PARTNER_PROFESSIONAL, "partner@samen.test"),
    (Role.DATA_PROTECTION_OFFICER, "dpo@samen.test"),
]
# Shares of the department's staff per role; frontline workers are the rest.
ROLE_SHARES = {
    Role.ADMINISTRATOR: 0.005,
    Role.DATA_PROTECTION_OFFICER: 0.003,
    Role.POLICY_ANALYST: 0.02,
    Role.PREVENTION_OFFICER: 0.01,
    Role.DISTRICT_COORDINATOR: 0.03,
    Role.PARTNER_PROFESSIONAL: 0.06,
}
TEAM_KINDS = ["Buurtwerk", "Straathoekwerk", "Buurtbemiddeling", "Wijkregie"]
JOB_TITLES = {
    Role.FRONTLINE_WORKER: ["buurtwerker", "straathoekwerker", "wijkregisseur", "bemiddelaar"],
    Role.DISTRICT_COORDINATOR: ["districtscoördinator"],
    Role.POLICY_ANALYST: ["beleidsanalist", "data-analist"],
    Role.PREVENTION_OFFICER: ["preventieambtenaar", "LIVC-R-voorzitter"],
    Role.PARTNER_PROFESSIONAL: [
        "jeugdhulpverlener",
        "leerlingenbegeleider",
        "maatschappelijk werker",
    ],
    Role.ADMINISTRATOR: ["functioneel beheerder"],
    Role.DATA_PROTECTION_OFFICER: ["functionaris voor gegevensbescherming"],
}
ASSOCIATIONS = ["Buurtvereniging", "Jeugdhuis", "Sportclub", "Vrouwenvereniging", "Zelforganisatie"]
PARTNERS = [
    ("Federale politie – afdeling preventie", PolicyLevel.FEDERAL, Organisation.Sector.POLICE),
    (
        "Federale overheidsdienst – veiligheid en preventie",
        PolicyLevel.FEDERAL,
        Organisation.Sector.JUSTICE,
    ),
    ("Justitiehuis Antwerpen", PolicyLevel.FEDERAL, Organisation.Sector.JUSTICE),
    ("Vlaams agentschap jeugdhulp", PolicyLevel.FLEMISH, Organisation.Sector.YOUTH_CARE),
    (
        "Vlaams netwerk radicalisering en polarisatie",
        PolicyLevel.FLEMISH,
        Organisation.Sector.WELFARE,
    ),
    ("Centrum voor leerlingenbegeleiding", PolicyLevel.FLEMISH, Organisation.Sector.EDUCATION),
    ("Centrum algemeen welzijnswerk", PolicyLevel.FLEMISH, Organisation.Sector.WELFARE),
    (
        "Centre wallon de prévention des radicalismes",
        PolicyLevel.WALLOON,
        Organisation.Sector.WELFARE,
    ),
    (
        "Réseau wallon des services d'aide à la jeunesse",
        PolicyLevel.WALLOON,
        Organisation.Sector.YOUTH_CARE,
    ),
    ("Stad – departement Samenleven", PolicyLevel.MUNICIPAL, Organisation.Sector.CITY),
    ("Lokale politie – wijkwerking", PolicyLevel.MUNICIPAL, Organisation.Sector.POLICE),
    ("Stedelijk onderwijs", PolicyLevel.MUNICIPAL, Organisation.Sector.EDUCATION),
    ("Sociaal huis", PolicyLevel.MUNICIPAL, Organisation.Sector.WELFARE),
]


def account_note(role: str) -> str:
    """What the demo's account table says beside an account."""
    return (
        _("(sets up two-factor authentication at first sign-in)")
        if requires_two_factor(role)
        else ""
    )


# Every later `samen demo` run prints them again, with the password of its seed.
for _role, _email in DEMO_ACCOUNTS:
    add_demo_account(_email, Role(_role).label, lazy(account_note, str)(_role))


@action
def demo_password_set(*, by, member, password: str):
    password_validation.validate_password(password, member)
    member.set_password(password)
    member.save(update_fields=["password"])
    return member


def set_demo_password(user, password: str):
    """Give a demo account its printed password, through Django's password validators.

    The seeder's path only: no form, command or API sets another person's password.
    """
    return demo_password_set(by=None, member=user, password=password)


def _mailbox(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z.]", "", ascii_name.lower()).strip(".") or "medewerker"


def _role_counts(total: int) -> dict[str, int]:
    counts = {role: max(1, round(total * share)) for role, share in ROLE_SHARES.items()}
    counts[Role.FRONTLINE_WORKER] = total - sum(counts.values())
    return counts


@add_seeder(order=20)
def seed_people(run: SeedRun) -> None:
    districts = run.districts
    organisations = [
        organisation_create(by=None, name=name, policy_level=level, sector=sector)
        for name, level, sector in PARTNERS
    ]
    city_department = organisations[9]
    for district in districts:
        organisations.append(
            organisation_create(
                by=None,
                name=f"Districtshuis {district.name_nl}",
                policy_level=PolicyLevel.DISTRICT,
                sector=Organisation.Sector.CITY,
                district=district,
            )
        )
        for _number in range(3):
            organisations.append(
                organisation_create(
                    by=None,
                    name=f"{run.faker.unique.last_name()} {run.rng.choice(ASSOCIATIONS)} vzw",
                    policy_level=PolicyLevel.CIVIL_SOCIETY,
                    sector=Organisation.Sector.COMMUNITY,
                    district=district,
                )
            )
    teams = {
        district.pk: [
            team_create(by=None, name=f"{kind} {district.name_nl}", district=district)
            for kind in TEAM_KINDS
        ]
        for district in districts
    }
    partner_orgs = [o for o in organisations[:9] + organisations[10:13]]
    password = demo_password(run.seed)
    demo_district = next(d for d in districts if d.code == DEMO_DISTRICT)

    for role, email in DEMO_ACCOUNTS:
        in_district = role in (Role.DISTRICT_COORDINATOR, Role.FRONTLINE_WORKER)
        member = staff_member_create(
            by=None,
            email=email,
            full_name=run.faker.name(),
            role=role,
            home_district=demo_district if in_district else None,
            team=teams[demo_district.pk][0] if in_district else None,
            job_title=JOB_TITLES[role][0],
            organisation=run.rng.choice(partner_orgs)
            if role == Role.PARTNER_PROFESSIONAL
            else city_department,
        )
        set_demo_password(member, password)
        run.accounts.append((str(Role(role).label), email, password, account_note(role)))

    counts = _role_counts(run.staff - len(DEMO_ACCOUNTS))
    plan = [role for role, n in counts.items() for _ in range(n)]
    run.rng.shuffle(plan)
    coordinators_placed: set[int] = {demo_district.pk}
    # The bar counts the whole department, the demo accounts made above included.
    progress = tqdm(
        plan,
        desc="staff",
        disable=not run.progress,
        unit="",
        initial=len(DEMO_ACCOUNTS),
        total=len(DEMO_ACCOUNTS) + len(plan),
    )
    for number, role in enumerate(progress):
        district = run.rng.choice(districts)
        if role == Role.DISTRICT_COORDINATOR:
            free = [d for d in districts if d.pk not in coordinators_placed]
            district = free[0] if free else district
            coordinators_placed.add(district.pk)
        in_district = role in (Role.DISTRICT_COORDINATOR, Role.FRONTLINE_WORKER)
        first, last = run.faker.first_name(), run.faker.last_name()
        local = _mailbox(f"{first}.{last}")
        staff_member_create(
            by=None,
            email=f"{local}.{number}@samen.test",
            full_name=f"{first} {last}",
            role=role,
            home_district=district if in_district else None,
            team=run.rng.choice(teams[district.pk]) if role == Role.FRONTLINE_WORKER else None,
            job_title=run.rng.choice(JOB_TITLES[role]),
            phone=run.faker.phone_number() if run.rng.random() < 0.7 else "",
            organisation=run.rng.choice(partner_orgs)
            if role == Role.PARTNER_PROFESSIONAL
            else city_department,
        )
    run.out(
        f"{run.staff} staff members, {len(organisations)} organisations, "
        f"{sum(len(t) for t in teams.values())} teams."
    )
