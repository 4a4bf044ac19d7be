"""The context match of a place: what is rising or lagging there, and what answers it.

For a district or a neighbourhood, three lists side by side:

- the signal categories that rose against the place's own baseline (the tension monitor's,
  through samen.core.place_facts, shown to those who may see the place's counts);
- the indicators on which the place does worse than the city (the district indicators');
- for each, the open actions and running initiatives that cover it there, or plainly none.

An action or initiative covers a rising category when it names the category, or its life
domain or extremism type; it covers an indicator when an initiative measures its outcome with
that indicator. It covers a place when it names the place (for a district: one of its
neighbourhoods too; for a neighbourhood: its district as a whole), and an action also when it
belongs to a plan of the place's district. About places and programmes: nothing here reads
or shows a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from samen.core import place_facts
from samen.core.place_facts import IndicatorFact, RisingFact
from samen.places.models import Place
from samen.policy.models import Action, ActionPlan, Initiative, OutcomeIndicator
from samen.policy.progress import OPEN, placed_in

# Signal categories of the life-domain and extremism groups whose code differs from the
# policy module's life domain or extremism type of the same meaning.
SAME_MEANING = {"rules": "rules_customs"}


def policy_code(category: str) -> str:
    """The life domain or extremism type code meaning the same as a signal category's code."""
    return SAME_MEANING.get(category, category.replace("-", "_"))


@dataclass(frozen=True)
class Cover:
    """An action or initiative that answers a fact in the place."""

    kind: str  # "action" or "initiative"
    record: Action | Initiative


@dataclass
class Row:
    fact: RisingFact | IndicatorFact
    covers: list[Cover] = field(default_factory=list)

    @property
    def is_rising(self) -> bool:
        return isinstance(self.fact, RisingFact)

    @property
    def covered(self) -> bool:
        return bool(self.covers)


@dataclass
class Match:
    place: Place
    rising: list[Row] | None  # None: the reader may not see this place's signal counts
    indicators: list[Row]
    plans: list[ActionPlan]  # where an uncovered fact can get its action

    @property
    def uncovered(self) -> list[Row]:
        return [row for row in (self.rising or []) + self.indicators if not row.covered]


def _answers(record: Action | Initiative, category: str) -> bool:
    codes = {category, policy_code(category)}
    held = set(record.signal_categories) | set(record.life_domains)
    held |= set(getattr(record, "extremism_types", []))
    return bool(codes & held)


def covering(model, place: Place) -> Q:
    """Actions or initiatives that cover `place`: placed there, or, for a district, in one of
    its neighbourhoods, or, for a neighbourhood, in its district as a whole."""
    if place.kind == Place.Kind.DISTRICT:
        return placed_in(model, place)
    in_district = model.places.through.objects.filter(
        **{model._meta.model_name: OuterRef("pk")}, place_id=place.parent_id
    )
    return placed_in(model, place) | Q(Exists(in_district))


def _district_id(place: Place) -> int:
    return place.pk if place.kind == Place.Kind.DISTRICT else place.parent_id


def open_actions_in(place: Place):
    """The open actions covering `place`, those of its district's own plans included."""
    where = covering(Action, place) | Q(plan__district_id=_district_id(place))
    return (
        Action.objects.filter(where, status__in=OPEN)
        .select_related("plan")
        .order_by("plan__title", "code")
    )


def running_initiatives_in(place: Place):
    return Initiative.objects.filter(
        covering(Initiative, place), status=Initiative.Status.RUNNING
    ).order_by("title")


def plans_for(place: Place) -> list[ActionPlan]:
    """The open plans of the place's district, else the city's open plans."""
    open_plans = ActionPlan.objects.exclude(status=ActionPlan.Status.CLOSED).order_by("-starts")
    own = list(open_plans.filter(district_id=_district_id(place)))
    return own or list(open_plans.filter(district__isnull=True))


def context_match(place: Place, *, reader) -> Match:
    """The context match of `place` as `reader` may see it."""
    rising = place_facts.rising(place, reader=reader)
    lagging = place_facts.indicators(place)
    actions = list(open_actions_in(place)) if (rising or lagging) else []
    initiatives = list(running_initiatives_in(place)) if (rising or lagging) else []

    rising_rows = None
    if rising is not None:
        rising_rows = [
            Row(
                fact,
                [Cover("action", a) for a in actions if _answers(a, fact.category)]
                + [Cover("initiative", i) for i in initiatives if _answers(i, fact.category)],
            )
            for fact in rising
        ]

    measured: dict[str, set[int]] = {}
    if lagging and initiatives:
        for initiative_id, key in OutcomeIndicator.objects.filter(
            initiative__in=[i.pk for i in initiatives],
            indicator_key__in=[fact.key for fact in lagging],
        ).values_list("initiative_id", "indicator_key"):
            measured.setdefault(key, set()).add(initiative_id)
    indicator_rows = [
        Row(
            fact,
            [Cover("initiative", i) for i in initiatives if i.pk in measured.get(fact.key, set())],
        )
        for fact in lagging
    ]
    return Match(
        place=place,
        rising=rising_rows,
        indicators=indicator_rows,
        plans=plans_for(place),
    )
