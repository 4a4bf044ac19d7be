"""Synthetic exchanges and circulars for the demo city, labelled synthetic: partner accounts at
the federal and Flemish level, exchanges in every status, circulars (one read by some)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy

from samen.core.actions import action
from samen.core.follow_ups import reference_url
from samen.core.seeding import SeedRun, add_demo_account, add_seeder, demo_password
from samen.exchange import actions as act
from samen.exchange.access import city_organisations
from samen.exchange.models import Circular, Exchange
from samen.exchange.notices import ANSWERED, OVERDUE, WAITING
from samen.notifications.actions import preferences_set
from samen.people.actions import organisation_create, staff_member_create
from samen.people.models import Organisation, PolicyLevel, User
from samen.people.roles import Role
from samen.people.seed import set_demo_password

SYNTHETIC = "[synthetisch] "
FEDERAL_EMAIL = "partner.federaal@samen.test"
FLEMISH_EMAIL = "partner.vlaams@samen.test"
FEDERAL_ORG = "FOD Binnenlandse Zaken – lokale integrale veiligheid"
FLEMISH_ORG = "Vlaams netwerk preventie radicalisering"
ANALYST_EMAIL = "analist@samen.test"
COORDINATOR_EMAIL = "coordinator@samen.test"
PARTNER_LABEL = gettext_lazy("partner at the federal level (exchanges)")
FLEMISH_LABEL = gettext_lazy("partner at the Flemish level (exchanges)")
add_demo_account(FEDERAL_EMAIL, PARTNER_LABEL, "")
add_demo_account(FLEMISH_EMAIL, FLEMISH_LABEL, "")

SUBJECTS = [
    ("request", "Cijfers spanningsmonitor voor het strategisch veiligheidsplan"),
    ("request", "Stand van zaken preventieplan polarisatie, tweede semester"),
    ("information", "Nieuwe richtlijn over samenwerking met scholen"),
    ("feedback", "Terugkoppeling over het jaarrapport van het actieplan"),
    ("request", "Vraag naar goede praktijken rond jongerenwerk in de wijken"),
    ("request", "Toelichting bij de subsidie lokale preventie"),
]


@action
def exchange_due_backdate(*, by, exchange: Exchange, due_on: datetime.date) -> Exchange:
    """The seeder's path only: an answer date in the past, so the demo shows overdue ones."""
    exchange.due_on = due_on
    exchange.save(update_fields=["due_on", "updated_at"])
    return exchange


def _organisation(name: str, level: str) -> Organisation:
    found = Organisation.objects.filter(name=name).first()
    return found or organisation_create(
        by=None, name=name, policy_level=level, sector=Organisation.Sector.OTHER
    )


def _partner(run: SeedRun, email: str, organisation: Organisation, password: str) -> User:
    person = User.objects.filter(email=email).first()
    if person is None:
        person = staff_member_create(
            by=None,
            email=email,
            full_name=run.faker.name(),
            role=Role.PARTNER_PROFESSIONAL,
            job_title="beleidsmedewerker",
            organisation=organisation,
        )
        set_demo_password(person, password)
    return person


def _a_reference(user) -> list[str]:
    """An initiative or a signal this person may open, if the demo has one."""
    for kind in ("initiative", "signal"):
        for pk in range(1, 6):
            if reference_url(user, f"{kind}:{pk}"):
                return [f"{kind}:{pk}"]
    return []


@add_seeder(order=80)
def seed_exchange(run: SeedRun) -> None:
    if Exchange.objects.exists() or Circular.objects.exists():
        return
    analyst = User.objects.filter(email=ANALYST_EMAIL).first()
    coordinator = User.objects.filter(email=COORDINATOR_EMAIL).first()
    department = city_organisations().filter(policy_level=PolicyLevel.MUNICIPAL).first()
    if analyst is None or coordinator is None or department is None:
        return
    password = demo_password(run.seed)
    federal_org = _organisation(FEDERAL_ORG, PolicyLevel.FEDERAL)
    flemish_org = _organisation(FLEMISH_ORG, PolicyLevel.FLEMISH)
    federal = _partner(run, FEDERAL_EMAIL, federal_org, password)
    flemish = _partner(run, FLEMISH_EMAIL, flemish_org, password)
    # Each partner chooses how they hear of exchanges: the federal one of new questions at
    # once and of answers daily, the Flemish one in digests.
    preferences_set(by=federal, deliveries={WAITING: "immediately", ANSWERED: "daily"})
    preferences_set(by=flemish, deliveries={WAITING: "daily", ANSWERED: "daily", OVERDUE: "weekly"})
    run.accounts.append((str(PARTNER_LABEL), FEDERAL_EMAIL, password, ""))
    run.accounts.append((str(FLEMISH_LABEL), FLEMISH_EMAIL, password, ""))

    today = timezone.localdate()
    district = coordinator.home_district

    def open_(by, number, *, sender, receiver, to_district=None, due_in=14):
        kind, subject = SUBJECTS[number % len(SUBJECTS)]
        return act.exchange_open(
            by=by,
            fields=act.ExchangeFields(
                kind=kind,
                subject=SYNTHETIC + subject,
                from_organisation=sender,
                to_organisation=receiver,
                to_district=to_district,
                due_on=today + datetime.timedelta(days=due_in),
                references=_a_reference(by),
                body=run.faker.paragraph(nb_sentences=4),
            ),
        )

    # Open: one waiting for the city, one overdue for the city (Borgerhout), one overdue for
    # the Flemish partner.
    open_(federal, 0, sender=federal_org, receiver=department)
    late = open_(flemish, 1, sender=flemish_org, receiver=department, to_district=district)
    exchange_due_backdate(by=None, exchange=late, due_on=today - datetime.timedelta(days=5))
    asked = open_(analyst, 2, sender=department, receiver=flemish_org)
    exchange_due_backdate(by=None, exchange=asked, due_on=today - datetime.timedelta(days=2))
    # Answered, with a follow-up message.
    answered = open_(federal, 3, sender=federal_org, receiver=department)
    act.exchange_reply(by=analyst, exchange=answered, body=run.faker.paragraph(nb_sentences=3))
    act.exchange_message(by=federal, exchange=answered, body=run.faker.sentence())
    by_coordinator = open_(coordinator, 4, sender=department, receiver=flemish_org)
    act.exchange_reply(by=flemish, exchange=by_coordinator, body=run.faker.paragraph())
    # Closed without answer, and withdrawn.
    closed = open_(analyst, 5, sender=department, receiver=federal_org)
    act.exchange_close_without_answer(by=analyst, exchange=closed)
    withdrawn = open_(flemish, 0, sender=flemish_org, receiver=department)
    act.exchange_withdraw(by=flemish, exchange=withdrawn)

    districts = [district] + [d for d in run.districts if d.pk != district.pk][:1]
    guideline = act.circular_send(
        by=flemish,
        fields=act.CircularFields(
            kind=Circular.Kind.CIRCULAR,
            title=SYNTHETIC + "Nieuwe richtlijn informatiedeling lokale netwerken",
            body=run.faker.paragraph(nb_sentences=6),
            sender_organisation=flemish_org,
            districts=districts,
            roles=[Role.DISTRICT_COORDINATOR, Role.FRONTLINE_WORKER],
            read_reminder_hours=48,
        ),
    )
    for receipt in guideline.recipients.select_related("person")[:3]:
        act.circular_mark_read(by=receipt.person, circular=guideline)
    act.circular_send(
        by=analyst,
        fields=act.CircularFields(
            kind=Circular.Kind.ALERT,
            title=SYNTHETIC + "Dreigingsniveau aangepast",
            body=run.faker.paragraph(nb_sentences=3),
            sender_organisation=department,
            on_behalf_of=federal_org,
            threat_level=Circular.ThreatLevel.SERIOUS,
            roles=[Role.DISTRICT_COORDINATOR, Role.POLICY_ANALYST, Role.PREVENTION_OFFICER],
            read_reminder_hours=24,
        ),
    )
    run.out(f"{Exchange.objects.count()} exchanges, {Circular.objects.count()} circulars.")
