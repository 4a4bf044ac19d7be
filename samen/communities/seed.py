"""Synthetic communities, their relationships, contacts and restore plans for the demo city.

About 300 communities, 2,000 relationships and 4,000 contacts for 700 staff (fewer for a
smaller city). They are stored with bulk_create rather than through the actions: the actions
check access and write an audit record per row, which for ~15,000 rows would take minutes, and
seeding writes synthetic data into an empty database inside one transaction, as the signals'
seed does. Some communities are planted without ties, so the network page has isolated
communities and bridges to show.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils import timezone

from samen.communities.models import (
    STATE_ORDER,
    Community,
    Contact,
    KeyFigure,
    Language,
    Relationship,
    RelationshipChange,
    RestoreAction,
    RestorePlan,
    State,
    Theme,
)
from samen.communities.search import compose
from samen.core.seeding import SeedRun, add_seeder
from samen.people.models import User
from samen.people.roles import Role
from samen.places.models import Place
from samen.places.seed import DISTRICT_WEIGHTS

NAMES = {
    Community.Kind.RESIDENTS: ["Bewonersgroep {street}", "Buurtcomité {street}"],
    Community.Kind.FAITH: [
        "Moskeevereniging {name}",
        "Parochie Sint-{first}",
        "Evangelische gemeente {name}",
        "Joodse gemeenschap {name}",
        "Orthodoxe parochie {name}",
    ],
    Community.Kind.YOUTH: ["Jeugdhuis {name}", "Chiro {name}", "Jongerenwerking {street}"],
    Community.Kind.SPORTS: ["Boksclub {name}", "Zaalvoetbal {street}", "Basketbalclub {name}"],
    Community.Kind.SCHOOL: ["Basisschool {street}", "Atheneum {name}", "Sint-{first}instituut"],
    Community.Kind.MIGRANT: ["Vereniging {name}", "Federatie {name}", "Zelforganisatie {name}"],
    Community.Kind.CULTURE: ["Cultuurkring {name}", "Muziekvereniging {street}"],
    Community.Kind.WOMEN: ["Vrouwenvereniging {name}", "Moedergroep {street}"],
    Community.Kind.WELFARE: ["Buurthuis {street}", "Sociaal restaurant {name}"],
    Community.Kind.OTHER_ORGANISATION: ["Ondernemersvereniging {street}", "Vzw {name}"],
}
KIND_WEIGHTS = [18, 14, 14, 12, 10, 12, 6, 6, 5, 3]
THEMES_BY_KIND = {
    Community.Kind.RESIDENTS: ["neighbourhood", "housing"],
    Community.Kind.FAITH: ["religion", "dialogue"],
    Community.Kind.YOUTH: ["youth", "culture"],
    Community.Kind.SPORTS: ["sport", "youth"],
    Community.Kind.SCHOOL: ["education", "youth"],
    Community.Kind.MIGRANT: ["language", "work"],
    Community.Kind.CULTURE: ["culture", "dialogue"],
    Community.Kind.WOMEN: ["women", "health"],
    Community.Kind.WELFARE: ["poverty", "elderly"],
    Community.Kind.OTHER_ORGANISATION: ["work", "neighbourhood"],
}
STATES = [State.ACTIVE, State.WEAKENED, State.LAPSED, State.BROKEN]
STRENGTHS = {
    State.ACTIVE: [3, 4, 5],
    State.WEAKENED: [2, 3],
    State.LAPSED: [1, 2],
    State.BROKEN: [1],
}
REASONS = {
    "start": "Kennismaking en eerste samenwerking rond een buurtactiviteit.",
    State.ACTIVE: "Gezamenlijk buurtfeest goed verlopen; afspraken worden nagekomen.",
    State.WEAKENED: "Minder overleg sinds de wissel van bestuur; afspraken lopen vertraging op.",
    State.LAPSED: "Al maanden geen contact meer; uitnodigingen blijven onbeantwoord.",
    State.BROKEN: "Conflict over het gebruik van de zaal; beide kanten weigeren nog overleg.",
}
SUMMARIES = [
    "Overleg over het gedeelde gebruik van het plein en de planning van de zomer.",
    "Bezoek aan de werking; vragen over subsidies en vrijwilligers besproken.",
    "Gesprek na spanningen op sociale media; afspraak om samen te communiceren.",
    "Voorbereiding van een ontmoetingsmoment tussen jongeren van beide verenigingen.",
    "Telefonisch contact over klachten van buren; bemiddeling voorgesteld.",
    "Evaluatie van de gezamenlijke activiteit; positieve reacties uit de buurt.",
]
NEXT_STEPS = ["Nieuwe afspraak over een maand.", "Uitnodiging sturen voor het wijkoverleg."]
PLAN_STEPS = [
    "Verkennend gesprek met beide besturen",
    "Gezamenlijke activiteit voorbereiden",
    "Afspraken over het gebruik van de ruimte op papier zetten",
    "Evaluatiegesprek met de contactpersonen",
]


@add_seeder(order=40)
def seed_communities(run: SeedRun) -> None:
    rng, faker = run.rng, run.faker
    total = max(20, round(300 * run.staff / 700))
    today = timezone.localdate()
    districts = list(Place.objects.current().districts().order_by("code"))
    if not districts:
        return
    neighbourhoods = defaultdict(list)
    wijken = Place.objects.neighbourhoods().filter(parent__in=districts).select_related("parent")
    for place in wijken.order_by("code"):
        neighbourhoods[place.parent_id].append(place)
    themes = {t.code: t for t in Theme.objects.all()}
    languages = list(Language.objects.order_by("code"))
    dutch = next(lang for lang in languages if lang.code == "nl")
    workers = defaultdict(list)
    district_roles = (Role.FRONTLINE_WORKER, Role.DISTRICT_COORDINATOR)
    for user in User.objects.filter(role__in=district_roles).order_by("pk"):
        workers[user.home_district_id].append(user)
    fallback = list(User.objects.filter(role=Role.ADMINISTRATOR).order_by("pk")[:1])

    # Communities, with their places, themes, languages and key figures.
    weights = [DISTRICT_WEIGHTS.get(d.code, 3) for d in districts]
    kinds = list(Community.Kind)
    communities, extras = [], []
    for _number in range(total):
        district = rng.choices(districts, weights=weights)[0]
        kind = rng.choices(kinds, weights=KIND_WEIGHTS)[0]
        name = rng.choice(NAMES[kind]).format(
            name=faker.last_name(), first=faker.first_name(), street=faker.street_name()
        )
        places = rng.sample(neighbourhoods[district.pk], k=min(2, len(neighbourhoods[district.pk])))
        if rng.random() < 0.15:
            places.append(rng.choice(districts))
        chosen_themes = [themes[c] for c in THEMES_BY_KIND[kind] if c in themes]
        spoken = [dutch, *rng.sample(languages, k=rng.randint(0, 3))]
        spoken = list({lang.pk: lang for lang in spoken}.values())
        figures = [
            KeyFigure(
                name=faker.name(),
                role=rng.choice(list(KeyFigure.Role.values)),
                contact_channel=f"{faker.user_name()}@vereniging.test",
            )
            for _f in range(rng.randint(1, 3))
        ]
        communities.append(
            Community(
                name=name,
                kind=kind,
                district=district,
                activities="Activiteiten voor de buurt, elke week open voor nieuwe leden.",
                search_text=compose(
                    name=name,
                    kind=kind,
                    named=[*chosen_themes, *spoken],
                    places=[district, *places],
                    figures=[f.name for f in figures],
                ),
            )
        )
        extras.append((places, chosen_themes, spoken, figures))
    Community.objects.bulk_create(communities, batch_size=500)
    _store_links(communities, extras)

    relationships = _seed_relationships(run, communities, today, workers, fallback)
    contacts = _seed_contacts(run, communities, relationships, today, workers, fallback)
    plans = _seed_restore_plans(run, relationships, today, workers, fallback)
    run.out(
        f"{len(communities)} communities, {len(relationships)} relationships, "
        f"{contacts} contacts, {plans} restore plans."
    )


def _store_links(communities, extras) -> None:
    place_rows, theme_rows, language_rows, figure_rows = [], [], [], []
    for community, (places, chosen_themes, spoken, figures) in zip(
        communities, extras, strict=True
    ):
        place_rows += [
            Community.places.through(community_id=community.pk, place_id=p.pk) for p in places
        ]
        theme_rows += [
            Community.themes.through(community_id=community.pk, theme_id=t.pk)
            for t in chosen_themes
        ]
        language_rows += [
            Community.languages.through(community_id=community.pk, language_id=lang.pk)
            for lang in spoken
        ]
        for figure in figures:
            figure.community = community
            figure_rows.append(figure)
    for model, rows in (
        (Community.places.through, place_rows),
        (Community.themes.through, theme_rows),
        (Community.languages.through, language_rows),
        (KeyFigure, figure_rows),
    ):
        model.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=False)


def _staff_for(district_id, workers, fallback) -> list:
    return workers.get(district_id) or fallback


def _seed_relationships(run, communities, today, workers, fallback) -> list[Relationship]:
    rng = run.rng
    target = round(len(communities) * 2000 / 300)
    # Some communities have no ties at all (6%), some exactly one (8%: that tie is a bridge),
    # most a few and some many: a lived-in network, with something for the network page.
    kinds = [rng.choices(["alone", "one", "many"], weights=[6, 8, 86])[0] for _c in communities]
    sociability = [min(rng.paretovariate(1.6), 12.0) if kind == "many" else 0.0 for kind in kinds]
    by_district = defaultdict(list)
    for index, community in enumerate(communities):
        if kinds[index] == "many":
            by_district[community.district_id].append(index)
    pairs: set[tuple[int, int]] = set()
    connecting: set[tuple[int, int]] = set()
    for index, kind in enumerate(kinds):
        partners = by_district[communities[index].district_id]
        if kind == "one" and partners:
            other = communities[rng.choice(partners)]
            pair = tuple(sorted((communities[index].pk, other.pk)))
            pairs.add(pair)
            connecting.add(pair)
    relationships, changes = [], []
    city_ties = [c for c in communities if rng.random() < 0.8]
    attempts = 0
    while any(sociability) and len(pairs) + len(city_ties) < target and attempts < target * 20:
        attempts += 1
        first = rng.choices(range(len(communities)), weights=sociability)[0]
        if rng.random() < 0.85:
            pool = by_district[communities[first].district_id]
            second = rng.choices(pool, weights=[sociability[i] for i in pool])[0]
        else:
            second = rng.choices(range(len(communities)), weights=sociability)[0]
        a, b = communities[first], communities[second]
        if a.pk != b.pk:
            pairs.add((min(a.pk, b.pk), max(a.pk, b.pk)))
    ends = [(pair[0], pair[1]) for pair in sorted(pairs)] + [(c.pk, None) for c in city_ties]
    district_of = {c.pk: c.district_id for c in communities}
    for first, second in ends:
        state = rng.choices(STATES, weights=[45, 25, 18, 12])[0]
        if (first, second) in connecting:
            state = rng.choice([State.ACTIVE, State.WEAKENED])
        started = today - datetime.timedelta(days=rng.randint(200, 720))
        changed = rng.random() < 0.45
        last = today - datetime.timedelta(days=rng.randint(0, 180)) if changed else started
        by = rng.choice(_staff_for(district_of[first], workers, fallback) or [None])
        relationship = Relationship(
            community_id=first,
            other_id=second,
            state=state,
            strength=rng.choice(STRENGTHS[state]),
            changed_on=last,
            created_by=by,
        )
        relationships.append(relationship)
        before = state
        if changed:
            better = [s for s in STATES if STATE_ORDER[s] < STATE_ORDER[state]]
            before = rng.choice(better) if better else State.WEAKENED
        changes.append((relationship, "", before, started, REASONS["start"], by))
        if changed:
            changes.append((relationship, before, state, last, REASONS[state], by))
    Relationship.objects.bulk_create(relationships, batch_size=1000)
    RelationshipChange.objects.bulk_create(
        [
            RelationshipChange(
                relationship=rel,
                from_state=old,
                to_state=new,
                from_strength=rng.choice(STRENGTHS[old]) if old else None,
                to_strength=rel.strength if new == rel.state else rng.choice(STRENGTHS[new]),
                reason=reason,
                changed_on=day,
                changed_by=by,
            )
            for rel, old, new, day, reason, by in changes
        ],
        batch_size=1000,
    )
    return relationships


def _seed_contacts(run, communities, relationships, today, workers, fallback) -> int:
    rng = run.rng
    target = round(len(communities) * 4000 / 300)
    district_of = {c.pk: c.district_id for c in communities}
    contacts, sides = [], []
    for _number in range(target):
        relationship = rng.choice(relationships) if rng.random() < 0.7 else None
        if relationship is not None:
            involved = [relationship.community_id, relationship.other_id]
        else:
            involved = [rng.choice(communities).pk]
        involved = [pk for pk in involved if pk]
        pool = _staff_for(district_of[involved[0]], workers, fallback)
        if not pool:
            continue
        staff = rng.sample(pool, k=min(len(pool), rng.choice([1, 1, 2])))
        # More contacts lately than a year ago: the work grows, and the demo shows this month.
        days_ago = int(365 * rng.random() ** 1.6)
        contacts.append(
            Contact(
                occurred_on=today - datetime.timedelta(days=days_ago),
                kind=rng.choice(list(Contact.Kind.values)),
                relationship=relationship,
                summary=rng.choice(SUMMARIES),
                next_step=rng.choice(NEXT_STEPS) if rng.random() < 0.3 else "",
                recorded_by=staff[0],
            )
        )
        sides.append((involved, staff))
    Contact.objects.bulk_create(contacts, batch_size=1000)
    community_rows, staff_rows = [], []
    for contact, (involved, staff) in zip(contacts, sides, strict=True):
        community_rows += [
            Contact.communities.through(contact_id=contact.pk, community_id=pk) for pk in involved
        ]
        staff_rows += [Contact.staff.through(contact_id=contact.pk, user_id=u.pk) for u in staff]
    Contact.communities.through.objects.bulk_create(community_rows, batch_size=2000)
    Contact.staff.through.objects.bulk_create(staff_rows, batch_size=2000)
    return len(contacts)


def _seed_restore_plans(run, relationships, today, workers, fallback) -> int:
    rng = run.rng
    troubled = [r for r in relationships if r.state != State.ACTIVE and r.other_id]
    chosen = rng.sample(troubled, k=min(len(troubled), max(3, len(relationships) // 50)))
    district_of = dict(Community.objects.values_list("pk", "district_id"))
    plans, steps = [], []
    now = timezone.now()
    for relationship in chosen:
        pool = _staff_for(district_of[relationship.community_id], workers, fallback)
        if not pool:
            continue
        # A plan started weeks or months ago; its actions fall due after it started, the
        # early ones done or late, the later ones still ahead.
        age = rng.randint(14, 150)
        restored = rng.random() >= 0.85
        plan = RestorePlan(
            relationship=relationship,
            title="Herstel van het contact na het conflict",
            goal="Beide verenigingen overleggen weer maandelijks en organiseren samen iets.",
            status=RestorePlan.Status.RESTORED if restored else RestorePlan.Status.OPEN,
            created_by=rng.choice(pool),
        )
        started = today - datetime.timedelta(days=age)
        plan_steps = []
        for description in rng.sample(PLAN_STEPS, k=rng.randint(2, 4)):
            deadline = started + datetime.timedelta(days=rng.randint(7, age + 60))
            done = deadline < today and (restored or rng.random() < 0.6)
            plan_steps.append(
                RestoreAction(
                    description=description,
                    owner=rng.choice(pool),
                    deadline=deadline,
                    done_on=deadline if done else None,
                )
            )
        if restored:
            # Restored once its last action was done (or, with none done yet, about now).
            last = max((step.done_on for step in plan_steps if step.done_on), default=today)
            for step in plan_steps:
                if step.done_on is None:
                    step.done_on = min(step.deadline, last)
            plan.closed_at = now - datetime.timedelta(days=(today - last).days)
        plan.created_at = now - datetime.timedelta(days=age, hours=rng.randint(0, 8))
        plans.append(plan)
        steps += [(plan, step) for step in plan_steps]
    started_at = {id(plan): plan.created_at for plan in plans}
    RestorePlan.objects.bulk_create(plans)
    # `created_at` is set on creation (auto_now_add); bulk_update writes the start chosen
    # above, as a plan opened at that time would carry.
    for plan in plans:
        plan.created_at = started_at[id(plan)]
    RestorePlan.objects.bulk_update(plans, ["created_at"])
    for plan, step in steps:
        step.plan = plan
    RestoreAction.objects.bulk_create([step for _plan, step in steps])
    return len(plans)
