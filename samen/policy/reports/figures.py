"""The figures of a yearly report: actions by standing, budget per funding level, outputs per
district (people reached suppressed in small cells), evaluations of the year."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.people.models import PolicyLevel
from samen.places.models import Place
from samen.policy.models import Action, ActionPlan, Evaluation, OutputMeasure, Strategy
from samen.policy.progress import Standing, action_standing
from samen.privacy.small_cells import suppress

TOTAL = "total"


@dataclass
class ActionRow:
    code: str
    title: str
    status: str
    standing: Standing
    progress: int
    budget_planned: Decimal
    budget_spent: Decimal


@dataclass
class BudgetRow:
    level: str  # its label
    planned: Decimal
    spent: Decimal


@dataclass
class OutputRow:
    district: str
    sessions: int
    participants: int | str  # "<5" or "x" when suppressed


@dataclass
class EvaluationRow:
    initiative: str
    kind: str
    on: datetime.date
    by_whom: str
    conclusions: str


@dataclass
class ReportFigures:
    title: str
    year: int
    as_of: datetime.date
    standings: dict[Standing, int]
    actions: list[ActionRow] = field(default_factory=list)
    budgets: list[BudgetRow] = field(default_factory=list)
    outputs: list[OutputRow] = field(default_factory=list)
    outputs_total: OutputRow | None = None
    evaluations: list[EvaluationRow] = field(default_factory=list)


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def actions_of(*, plan: ActionPlan | None, strategy: Strategy | None, year: int):
    """The plan's actions, or those of the strategy's plans that run in `year`."""
    first, last = year_bounds(year)
    if plan is not None:
        return Action.objects.filter(plan=plan)
    return Action.objects.filter(
        plan__strategy=strategy, plan__starts__lte=last, plan__ends__gte=first
    )


def _budgets(actions: list[Action]) -> list[BudgetRow]:
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for action in actions:
        sums[action.funding_level][0] += action.budget_planned
        sums[action.funding_level][1] += action.budget_spent
    order = [*PolicyLevel.values, ""]
    labels = dict(PolicyLevel.choices)
    return [
        BudgetRow(str(labels.get(level, _("not given"))), planned, spent)
        for level, (planned, spent) in sorted(sums.items(), key=lambda item: order.index(item[0]))
    ]


def _outputs(initiative_ids: QuerySet, year: int) -> tuple[list[OutputRow], OutputRow | None]:
    first, last = year_bounds(year)
    sums = (
        OutputMeasure.objects.filter(
            initiative_id__in=initiative_ids, period_start__lte=last, period_end__gte=first
        )
        .values("place", "kind")
        .annotate(total=Sum("value"))
        .order_by()
    )
    sessions: dict[str, int] = defaultdict(int)
    people: dict[str, int] = defaultdict(int)
    sums = list(sums)
    names = {
        pk: str(place) for pk, place in Place.objects.in_bulk({r["place"] for r in sums}).items()
    }
    for row in sums:
        if row["kind"] == OutputMeasure.Kind.SESSIONS_HELD:
            sessions[names[row["place"]]] += row["total"]
        elif row["kind"] == OutputMeasure.Kind.PARTICIPANTS_REACHED:
            people[names[row["place"]]] += row["total"]
    districts = sorted(set(sessions) | set(people))
    if not districts:
        return [], None
    # Counts of people reached are published: small cells are suppressed, and so is any other
    # cell from which the total would let a suppressed one be worked out.
    shown = suppress(
        {**{d: people[d] for d in districts}, TOTAL: sum(people.values())},
        [(TOTAL, districts)],
    )
    rows = [OutputRow(d, sessions[d], shown[d]) for d in districts]
    return rows, OutputRow(_("All districts"), sum(sessions.values()), shown[TOTAL])


def report_figures(
    *, plan: ActionPlan | None = None, strategy: Strategy | None = None, year: int, today=None
) -> ReportFigures:
    """The figures of the yearly report of `plan` or `strategy`, as they stand on the year's
    last day (or today, for the running year), labelled in the active language."""
    today = today or timezone.localdate()
    as_of = min(year_bounds(year)[1], today)
    actions = list(
        actions_of(plan=plan, strategy=strategy, year=year).order_by("plan__starts", "code")
    )
    standings = dict.fromkeys(Standing, 0)
    rows = []
    for action in actions:
        standing = action_standing(action, as_of)
        standings[standing] += 1
        rows.append(
            ActionRow(
                action.code,
                action.title,
                action.get_status_display(),
                standing,
                action.progress,
                action.budget_planned,
                action.budget_spent,
            )
        )
    initiative_ids = (
        actions_of(plan=plan, strategy=strategy, year=year)
        .filter(initiatives__isnull=False)
        .values("initiatives")
    )
    outputs, outputs_total = _outputs(initiative_ids, year)
    evaluations = Evaluation.objects.filter(initiative_id__in=initiative_ids, on__year=year)
    return ReportFigures(
        title=str(plan or strategy),
        year=year,
        as_of=as_of,
        standings=standings,
        actions=rows,
        budgets=_budgets(actions),
        outputs=outputs,
        outputs_total=outputs_total,
        evaluations=[
            EvaluationRow(e.initiative.title, e.get_kind_display(), e.on, e.by_whom, e.conclusions)
            for e in evaluations.select_related("initiative").order_by("on", "pk")
        ],
    )
