"""Synthetic prevention policy for the demo city: two strategies at two policy levels, the
city's yearly action plan with about 40 actions, three district plans, 25 initiatives over the
ten districts with their outputs per quarter over two years, evaluations and timelines.

Some districts are left uncovered on purpose where the signals' seeder plants a surge
(samen.signals.seed.SURGES, read here as codes: racism in Hoboken, right-wing extremism in
Deurne, tension between youth groups in Borgerhout), so that the context match has something
to say. Stored with bulk_create in the seed's one transaction, as the communities' seeder
does: a few thousand rows through the actions would cost the demo's build seconds for nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from samen.core.seeding import SeedRun, add_seeder
from samen.people.models import Organisation, OrganisationMembership, PolicyLevel, User
from samen.people.roles import Role
from samen.places.models import Place
from samen.policy.initiative_actions import quarter_of
from samen.policy.models import (
    Action,
    ActionPlan,
    Evaluation,
    Initiative,
    InitiativeUpdate,
    Objective,
    OutcomeIndicator,
    OutputMeasure,
    ProgressUpdate,
    Strategy,
)
from samen.policy.seed_texts import (
    ACTIONS,
    CITY_OBJECTIVES,
    EVALUATORS,
    FLEMISH_OBJECTIVES,
    INITIATIVES,
    UPDATES,
)

SYNTHETIC = "Synthetisch voorbeeld voor de demo."
# (district code, signal category): rising there, answered by no action or initiative.
UNCOVERED = {("11002V", "racism"), ("11002R", "right-wing"), ("11002S", "youth-groups")}
EXTREMISM_OF_CATEGORY = {"right-wing": "right_wing", "islamist": "islamist"}
DISTRICT_PLANS = ["11002S", "11002Q", "11002U"]  # Borgerhout, Merksem, Wilrijk
CITY_ACTIONS = 40
INITIATIVE_COUNT = 25
QUARTERS = 8
FUNDING = {
    PolicyLevel.MUNICIPAL: "Stedelijke middelen Samenleven",
    PolicyLevel.FLEMISH: "Vlaamse impulsmiddelen preventie",
    PolicyLevel.FEDERAL: "Strategisch veiligheids- en preventieplan",
}


def _organisation(name: str, fallback: Organisation) -> Organisation:
    return Organisation.objects.filter(name=name).first() or fallback


def _conflicts(district: Place, categories: list[str]) -> bool:
    return any((district.code, category) in UNCOVERED for category in categories)


class PolicySeed:
    """One run of the policy seeder: the city, its organisations and authors, and the rows."""

    def __init__(self, run: SeedRun):
        self.run, self.rng = run, run.rng
        self.today = timezone.localdate()
        self.districts = list(Place.objects.current().districts().order_by("code"))
        self.neighbourhoods: dict[int, list[Place]] = {}
        for n in Place.objects.current().neighbourhoods().filter(parent__in=self.districts):
            self.neighbourhoods.setdefault(n.parent_id, []).append(n)
        first = Organisation.objects.order_by("pk").first()
        self.city = _organisation("Stad – departement Samenleven", first)
        self.houses = {
            o.district_id: o
            for o in Organisation.objects.filter(
                policy_level=PolicyLevel.DISTRICT, district__isnull=False
            )
        }
        self.partners = list(
            Organisation.objects.exclude(
                policy_level__in=(PolicyLevel.DISTRICT, PolicyLevel.CIVIL_SOCIETY)
            ).exclude(pk=self.city.pk)
        ) or [self.city]
        self.associations = list(Organisation.objects.filter(policy_level="civil_society"))
        demo_partner = User.objects.filter(email="partner@samen.test").first()
        own = OrganisationMembership.objects.filter(user=demo_partner).first()
        self.demo_partner_org = own.organisation if own else self.partners[0]
        self.analyst = (
            User.objects.filter(email="analist@samen.test").first()
            or User.objects.filter(role=Role.POLICY_ANALYST).first()
        )
        self.coordinators: dict[int, User] = {}
        for user in User.objects.filter(role=Role.DISTRICT_COORDINATOR).order_by("pk"):
            self.coordinators.setdefault(user.home_district_id, user)

    # --- places, avoiding the planted gaps ----------------------------------------------------

    def places_for(self, categories: list[str], count: int) -> list[Place]:
        """`count` districts (or a neighbourhood of them) none of which is planted uncovered
        for these categories."""
        allowed = [d for d in self.districts if not _conflicts(d, categories)]
        chosen = self.rng.sample(allowed, min(count, len(allowed)))
        places = []
        for district in chosen:
            inside = self.neighbourhoods.get(district.pk)
            if inside and self.rng.random() < 0.3:
                places.append(self.rng.choice(inside))
            else:
                places.append(district)
        return places

    # --- strategies ---------------------------------------------------------------------------

    def strategies(self) -> tuple[Strategy, dict[str, Objective]]:
        year = self.today.year
        flemish = Strategy.objects.create(
            title="Vlaams actieplan ter preventie van radicalisering en polarisatie",
            level=PolicyLevel.FLEMISH,
            owner=_organisation("Vlaams netwerk radicalisering en polarisatie", self.partners[0]),
            starts=datetime.date(year - 2, 1, 1),
            ends=datetime.date(year + 2, 12, 31),
            status=Strategy.Status.IN_FORCE,
            summary="Het Vlaamse kader voor lokale preventie van radicalisering en "
            "polarisatie: ondersteuning en impulsmiddelen voor steden. " + SYNTHETIC,
            created_by=self.analyst,
        )
        city = Strategy.objects.create(
            title=f"Samenleven in Antwerpen {year - 1}–{year + 4}",
            level=PolicyLevel.MUNICIPAL,
            owner=self.city,
            starts=datetime.date(year - 1, 1, 1),
            ends=datetime.date(year + 4, 12, 31),
            status=Strategy.Status.IN_FORCE,
            summary="De strategie van de stad voor samenleven: verbinden, herstellen, "
            "polarisatie voorkomen en kansen geven. " + SYNTHETIC,
            created_by=self.analyst,
        )
        self.objectives(flemish, FLEMISH_OBJECTIVES)
        return city, self.objectives(city, CITY_OBJECTIVES)

    def objectives(self, strategy, tree) -> dict[str, Objective]:
        found = {}
        order = 0
        for code, title, children in tree:
            order += 1
            parent = Objective.objects.create(
                strategy=strategy, kind="strategic", code=code, title=title, order=order
            )
            found[code] = parent
            for child_code, child_title in children:
                order += 1
                found[child_code] = Objective.objects.create(
                    strategy=strategy,
                    parent=parent,
                    kind="operational",
                    code=child_code,
                    title=child_title,
                    order=order,
                )
        return found

    # --- plans and actions --------------------------------------------------------------------

    def plan(self, strategy, title, district=None) -> ActionPlan:
        year = self.today.year
        owner = self.houses.get(district.pk, self.city) if district else self.city
        return ActionPlan.objects.create(
            strategy=strategy,
            title=title,
            starts=datetime.date(year, 1, 1),
            ends=datetime.date(year, 12, 31),
            owner=owner,
            district=district,
            status=ActionPlan.Status.ADOPTED,
            created_by=self.coordinators.get(district.pk) if district else self.analyst,
        )

    def action(self, plan, code, template, objectives, district=None) -> tuple[Action, list]:
        objective, title, domains, categories, extremism, groups = template
        rng, year = self.rng, self.today.year
        if district is not None:
            places = [district]
            owner = plan.owner
        else:
            places = self.places_for(categories, rng.choice([1, 1, 2, 3]))
            owner = rng.choice([self.city, self.city, self.demo_partner_org, *self.partners])
        where = ", ".join(p.name_nl for p in places)
        start = datetime.date(year, rng.choice([1, 2, 3, 4, 6, 9]), 1)
        end = min(start + datetime.timedelta(days=rng.choice([90, 150, 240, 330])),
                  datetime.date(year, 12, 31))  # fmt: skip
        planned = Decimal(rng.choice([2500, 5000, 8000, 12000, 20000, 35000]))
        progress, status = self.progress_of(start, end)
        spent = (planned * Decimal(progress) / 100 * Decimal(rng.uniform(0.7, 1.2))).quantize(
            Decimal("0.01")
        )
        funding_level = rng.choice(
            [PolicyLevel.MUNICIPAL, PolicyLevel.FLEMISH, PolicyLevel.FEDERAL]
        )
        record = Action(
            plan=plan,
            code=code,
            title=f"{title} ({where})",
            description=f"{title} in {where}. {SYNTHETIC}",
            objective=objectives.get(objective),
            owner=owner,
            target_groups=groups,
            life_domains=list(domains),
            signal_categories=list(categories),
            extremism_types=list(extremism),
            planned_start=start,
            planned_end=end,
            actual_start=start if progress else None,
            actual_end=end if status == Action.Status.DONE else None,
            budget_planned=planned,
            budget_spent=spent,
            funding_source=FUNDING[funding_level],
            funding_level=funding_level,
            status=status,
            progress=progress,
            created_by=plan.created_by,
        )
        return record, places

    def progress_of(self, start, end) -> tuple[int, str]:
        """Most actions on track, some behind, some done, a few stopped."""
        rng, today = self.rng, self.today
        if start > today:
            return 0, Action.Status.PLANNED
        span = max((end - start).days, 1)
        expected = min(100, round(100 * (today - start).days / span))
        kind = rng.choices(["on_track", "behind", "stopped"], weights=[70, 25, 5])[0]
        if kind == "stopped":
            return rng.randrange(10, 50), Action.Status.STOPPED
        if kind == "behind":
            progress = max(0, expected - rng.randrange(20, 50))
        elif end < today:
            progress = 100  # on track and past its end: done
        else:
            progress = min(100, expected + rng.randrange(-5, 10))
        if progress >= 100:
            return 100, Action.Status.DONE
        return progress, Action.Status.RUNNING if progress else Action.Status.PLANNED

    def store_actions(self, rows) -> list[Action]:
        actions = Action.objects.bulk_create([record for record, _places in rows])
        through = Action.places.through
        through.objects.bulk_create(
            [
                through(action=a, place=p)
                for a, (_r, places) in zip(actions, rows, strict=True)
                for p in places
            ]
        )
        partners = Action.partners.through
        partners.objects.bulk_create(
            [
                partners(action=a, organisation=o)
                for a in actions
                for o in self.rng.sample(self.partners, self.rng.choice([0, 1, 2]))
                if o.pk != a.owner_id
            ]
        )
        updates = []
        for a in actions:
            if not a.progress or a.actual_start is None:
                continue
            steps = sorted({self.rng.randrange(5, 100) for _ in range(2)} | {a.progress})
            days = max((min(self.today, a.planned_end) - a.actual_start).days, 1)
            by = self.coordinators.get(a.plan.district_id) or self.analyst
            for n, step in enumerate(s for s in steps if s <= a.progress):
                updates.append(
                    ProgressUpdate(
                        action=a,
                        on=a.actual_start + datetime.timedelta(days=days * (n + 1) // len(steps)),
                        progress=step,
                        note="Stand van zaken bijgewerkt.",
                        by=by,
                    )
                )
        ProgressUpdate.objects.bulk_create(updates)
        return actions

    # --- initiatives --------------------------------------------------------------------------

    def initiatives(self, actions: list[Action]) -> list[Initiative]:
        rng, today = self.rng, self.today
        first_quarter = quarter_of(today)[0]
        quarters = [first_quarter]
        for _n in range(QUARTERS - 1):
            quarters.insert(0, quarter_of(quarters[0] - datetime.timedelta(days=1))[0])
        rows = []
        for number in range(INITIATIVE_COUNT):
            title, summary, domains, categories, problem, activities, outputs, outcomes = (
                INITIATIVES[number % len(INITIATIVES)]
            )
            # Spread over the ten districts: the n-th initiative starts in the n-th district.
            home = self.districts[number % len(self.districts)]
            places = [home] if not _conflicts(home, categories) else []
            places += [p for p in self.places_for(categories, 1) if p not in places]
            status = rng.choices(
                [Initiative.Status.RUNNING, Initiative.Status.ENDED], weights=[85, 15]
            )[0]
            running = status == Initiative.Status.RUNNING
            starts = quarters[rng.choice([0, 0, 1, 2, 4]) if running else 0]
            owner = self.houses.get(home.pk) if rng.random() < 0.3 else None
            owner = owner or rng.choice([self.city, self.demo_partner_org, *self.associations[:8]])
            record = Initiative(
                title=f"{title} {places[0].name_nl}",
                summary=f"{summary} {SYNTHETIC}",
                owner=owner,
                level=owner.policy_level
                if owner.policy_level != PolicyLevel.CIVIL_SOCIETY
                else PolicyLevel.MUNICIPAL,
                target_groups="Bewoners en jongeren van de buurt",
                life_domains=list(domains),
                signal_categories=list(categories),
                starts=starts,
                ends=quarter_of(today + datetime.timedelta(days=200))[1]
                if running
                else quarters[5] - datetime.timedelta(days=1),
                status=status,
                problem=problem,
                activities=activities,
                outputs=outputs,
                outcomes=outcomes,
                created_by=self.analyst,
            )
            linked = [a for a in actions if set(a.signal_categories) & set(categories)][
                : rng.choice([1, 2, 3])
            ]
            rows.append((record, places, linked))
        initiatives = Initiative.objects.bulk_create([r for r, _p, _a in rows])
        places_through, actions_through = Initiative.places.through, Initiative.actions.through
        places_through.objects.bulk_create(
            [
                places_through(initiative=i, place=p)
                for i, (_r, places, _a) in zip(initiatives, rows, strict=True)
                for p in places
            ]
        )
        actions_through.objects.bulk_create(
            [
                actions_through(initiative=i, action=a)
                for i, (_r, _p, linked) in zip(initiatives, rows, strict=True)
                for a in linked
            ]
        )
        self.outputs(initiatives, rows, quarters)
        return initiatives

    def outputs(self, initiatives, rows, quarters) -> None:
        rng, measures = self.rng, []
        for initiative, (_r, places, _a) in zip(initiatives, rows, strict=True):
            for place in places:
                district = place if place.kind == "district" else place.parent
                size = rng.randrange(4, 14)
                for quarter in quarters:
                    if quarter < initiative.starts or (
                        initiative.ends is not None and quarter > initiative.ends
                    ):
                        continue
                    sessions = max(0, size + rng.randrange(-3, 4))
                    for kind, value in (
                        (OutputMeasure.Kind.SESSIONS_HELD, sessions),
                        (
                            OutputMeasure.Kind.PARTICIPANTS_REACHED,
                            sessions * rng.randrange(6, 18),
                        ),
                    ):
                        measures.append(
                            OutputMeasure(
                                initiative=initiative,
                                place=district,
                                period_start=quarter,
                                period_end=quarter_of(quarter)[1],
                                kind=kind,
                                value=value,
                                recorded_by=self.analyst,
                            )
                        )
        OutputMeasure.objects.bulk_create(measures, ignore_conflicts=True)

    def accounts(self, initiatives: list[Initiative]) -> None:
        """Outcome indicators, five evaluations and a timeline of updates."""
        rng, today = self.rng, self.today
        indicators, evaluations, updates = [], [], []
        for number, initiative in enumerate(initiatives):
            baseline = Decimal(rng.randrange(40, 70))
            indicators.append(
                OutcomeIndicator(
                    initiative=initiative,
                    title="Bewoners die zich thuis voelen in hun buurt",
                    indicator_key="sense_of_belonging" if number % 3 == 0 else "",
                    definition="Aandeel van de bevraagde deelnemers dat zich thuis voelt in "
                    "de buurt (eigen bevraging).",
                    unit="%",
                    baseline=baseline,
                    baseline_on=initiative.starts,
                    target=baseline + rng.randrange(5, 15),
                    target_on=initiative.starts + datetime.timedelta(days=3 * 365),
                    latest_value=baseline + rng.randrange(-2, 8),
                    latest_on=today - datetime.timedelta(days=rng.randrange(20, 120)),
                )
            )
            if number < 5:
                evaluations.append(
                    Evaluation(
                        initiative=initiative,
                        kind=Evaluation.Kind.PROCESS if number % 2 else Evaluation.Kind.OUTCOME,
                        on=today - datetime.timedelta(days=30 + 40 * number),
                        by_whom=EVALUATORS[number % len(EVALUATORS)],
                        summary="De werking bereikt de beoogde doelgroep; de samenwerking "
                        "met partners loopt goed. " + SYNTHETIC,
                        conclusions="Voortzetten, met meer aandacht voor meisjes en ouderen.",
                        created_by=self.analyst,
                    )
                )
            span = max((today - initiative.starts).days, 1)
            for n, text in enumerate(rng.sample(UPDATES, rng.randrange(2, 5))):
                updates.append(
                    InitiativeUpdate(
                        initiative=initiative,
                        on=initiative.starts + datetime.timedelta(days=span * n // 4),
                        text=text,
                        by=self.analyst,
                    )
                )
        OutcomeIndicator.objects.bulk_create(indicators)
        Evaluation.objects.bulk_create(evaluations)
        InitiativeUpdate.objects.bulk_create(updates)


@add_seeder(order=70)
def seed_policy(run: SeedRun) -> None:
    seed = PolicySeed(run)
    if not seed.districts:
        return
    year = seed.today.year
    city, objectives = seed.strategies()
    city_plan = seed.plan(city, f"Actieplan Samenleven {year}")
    rows, per_objective = [], {}
    for number in range(CITY_ACTIONS):
        template = ACTIONS[number % len(ACTIONS)]
        # A1.1.3: the third action serving operational objective OD1.1.
        per_objective[template[0]] = per_objective.get(template[0], 0) + 1
        code = f"A{template[0][2:]}.{per_objective[template[0]]}"
        rows.append(seed.action(city_plan, code, template, objectives))
    by_code = {d.code: d for d in seed.districts}
    for district_code in DISTRICT_PLANS:
        district = by_code.get(district_code)
        if district is None:
            continue
        plan = seed.plan(city, f"Districtsplan {district.name_nl} {year}", district)
        fitting = [t for t in ACTIONS if not _conflicts(district, t[3])]
        for number, template in enumerate(seed.rng.sample(fitting, 6)):
            rows.append(seed.action(plan, f"D{number + 1}", template, objectives, district))
    actions = seed.store_actions(rows)
    initiatives = seed.initiatives(actions)
    seed.accounts(initiatives)
    run.out(
        f"2 strategies, {ActionPlan.objects.count()} action plans, {len(actions)} actions, "
        f"{len(initiatives)} initiatives."
    )
