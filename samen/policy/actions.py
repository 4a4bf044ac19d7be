"""Every write to strategies, objectives, action plans and actions, and progress on them.

Each checks who writes (samen.policy.access), then every field, collecting every problem
before the first write; the audit trail records each change in the same transaction. The
initiatives' writes are in initiative_actions.py.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.core.follow_ups import reference_url
from samen.people.models import Organisation
from samen.places.models import Place
from samen.policy import validation as check
from samen.policy.access import (
    check_may_create_plans,
    check_may_edit_plan,
    check_may_edit_strategies,
    check_may_update_action,
    may_edit_plan_for,
)
from samen.policy.models import Action, ActionPlan, Objective, ProgressUpdate, Strategy

PLACE_KINDS = ("district", "neighbourhood")


# --- Strategies and objectives ----------------------------------------------------------------


@dataclass
class StrategyFields:
    title: str
    level: str
    owner: Organisation | None
    starts: datetime.date | None
    ends: datetime.date | None = None
    status: str = Strategy.Status.DRAFT
    replaced_by: Strategy | None = None
    summary: str = ""


def _check_strategy(fields: StrategyFields, strategy: Strategy | None) -> None:
    errors = FieldErrors()
    fields.title = check.text(
        errors, "title", fields.title, longest=200, required=_("Give the strategy a title.")
    )
    fields.summary = check.text(errors, "summary", fields.summary, longest=4000)
    fields.level = check.policy_level(errors, "level", fields.level, required=True)
    check.organisation(errors, "owner", fields.owner)
    if fields.starts is None:
        errors.add("starts", _("Give the day it starts."))
    check.period(errors, "starts", fields.starts, "ends", fields.ends)
    check.choice(errors, "status", fields.status, Strategy.Status)
    if fields.status == Strategy.Status.REPLACED and fields.replaced_by is None:
        errors.add("replaced_by", _("Say which strategy replaces it."))
    if fields.status != Strategy.Status.REPLACED and fields.replaced_by is not None:
        errors.add("replaced_by", _("Only a replaced strategy names the one that replaces it."))
    if (
        strategy is not None
        and fields.replaced_by is not None
        and (fields.replaced_by.pk == strategy.pk)
    ):
        errors.add("replaced_by", _("A strategy cannot replace itself."))
    errors.raise_if_any()


def _apply(record, fields) -> None:
    for name, value in vars(fields).items():
        setattr(record, name, value)


@action
def strategy_create(*, by, fields: StrategyFields) -> Strategy:
    check_may_edit_strategies(by)
    _check_strategy(fields, None)
    strategy = Strategy(created_by=by)
    _apply(strategy, fields)
    strategy.save()
    return strategy


@action
def strategy_update(*, by, strategy: Strategy, fields: StrategyFields) -> Strategy:
    check_may_edit_strategies(by)
    _check_strategy(fields, strategy)
    _apply(strategy, fields)
    strategy.save()
    return strategy


@dataclass
class ObjectiveFields:
    kind: str
    code: str
    title: str
    parent: Objective | None = None
    description: str = ""
    order: int | None = None


def _check_objective(strategy: Strategy, fields: ObjectiveFields, objective=None) -> None:
    errors = FieldErrors()
    fields.code = check.text(
        errors, "code", fields.code, longest=20, required=_("Give the objective a code.")
    )
    fields.title = check.text(
        errors, "title", fields.title, longest=300, required=_("Give the objective a title.")
    )
    fields.description = check.text(errors, "description", fields.description, longest=4000)
    check.choice(errors, "kind", fields.kind, Objective.Kind)
    parent = fields.parent
    if fields.kind == Objective.Kind.STRATEGIC and parent is not None:
        errors.add("parent", _("A strategic objective stands directly under the strategy."))
    if fields.kind == Objective.Kind.OPERATIONAL:
        if parent is None:
            errors.add("parent", _("Choose the strategic objective it serves."))
        elif parent.strategy_id != strategy.pk or parent.kind != Objective.Kind.STRATEGIC:
            errors.add("parent", _("Choose a strategic objective of this strategy."))
    same_code = strategy.objectives.filter(code=fields.code)
    if objective is not None:
        same_code = same_code.exclude(pk=objective.pk)
        if objective.children.exists() and fields.kind != Objective.Kind.STRATEGIC:
            errors.add("kind", _("Objectives stand under it: it stays strategic."))
    if fields.code and same_code.exists():
        errors.add("code", _("This strategy already has an objective with this code."))
    errors.raise_if_any()
    if fields.order is None:
        fields.order = objective.order if objective else strategy.objectives.count() + 1


@action
def objective_add(*, by, strategy: Strategy, fields: ObjectiveFields) -> Objective:
    check_may_edit_strategies(by)
    _check_objective(strategy, fields)
    objective = Objective(strategy=strategy)
    _apply(objective, fields)
    objective.save()
    return objective


@action
def objective_update(*, by, objective: Objective, fields: ObjectiveFields) -> Objective:
    check_may_edit_strategies(by)
    _check_objective(objective.strategy, fields, objective)
    _apply(objective, fields)
    objective.save()
    return objective


# --- Action plans -------------------------------------------------------------------------------


@dataclass
class PlanFields:
    title: str
    starts: datetime.date | None
    ends: datetime.date | None
    owner: Organisation | None
    district: Place | None = None
    status: str = ActionPlan.Status.DRAFT


def _check_plan(by, fields: PlanFields) -> None:
    errors = FieldErrors()
    fields.title = check.text(
        errors, "title", fields.title, longest=200, required=_("Give the plan a title.")
    )
    check.organisation(errors, "owner", fields.owner)
    if fields.starts is None:
        errors.add("starts", _("Give the day it starts."))
    if fields.ends is None:
        errors.add("ends", _("Give the day it ends."))
    check.period(errors, "starts", fields.starts, "ends", fields.ends)
    check.choice(errors, "status", fields.status, ActionPlan.Status)
    district = fields.district
    if district is not None and district.kind != "district":
        errors.add("district", _("Choose a district, or none for a plan of the whole city."))
    elif not may_edit_plan_for(by, district.pk if district else None):
        errors.add(
            "district",
            _("You may write plans for your own district only.")
            if district is not None
            else _("Plans of the whole city are written by the policy analysts."),
        )
    errors.raise_if_any()


@action
def plan_create(*, by, strategy: Strategy, fields: PlanFields) -> ActionPlan:
    """A new plan under `strategy`: a city plan (analysts) or a district's (its coordinator)."""
    check_may_create_plans(by)
    _check_plan(by, fields)
    plan = ActionPlan(strategy=strategy, created_by=by)
    _apply(plan, fields)
    plan.save()
    return plan


@action
def plan_update(*, by, plan: ActionPlan, fields: PlanFields) -> ActionPlan:
    check_may_edit_plan(by, plan)
    _check_plan(by, fields)
    _apply(plan, fields)
    plan.save()
    return plan


# --- Actions -----------------------------------------------------------------------------------


@dataclass
class ActionFields:
    code: str
    title: str
    owner: Organisation | None
    description: str = ""
    objective: Objective | None = None
    partners: list[Organisation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    target_groups: str = ""
    life_domains: list[str] = field(default_factory=list)
    signal_categories: list[str] = field(default_factory=list)
    extremism_types: list[str] = field(default_factory=list)
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    actual_start: datetime.date | None = None
    actual_end: datetime.date | None = None
    budget_planned: Decimal | int | str = 0
    funding_source: str = ""
    funding_level: str = ""
    status: str = Action.Status.PLANNED


def _check_action(plan: ActionPlan, fields: ActionFields, existing: Action | None) -> None:
    errors = FieldErrors()
    fields.code = check.text(
        errors, "code", fields.code, longest=20, required=_("Give the action a code.")
    )
    fields.title = check.text(
        errors, "title", fields.title, longest=300, required=_("Give the action a title.")
    )
    fields.description = check.text(errors, "description", fields.description, longest=4000)
    fields.target_groups = check.text(errors, "target_groups", fields.target_groups, longest=500)
    fields.funding_source = check.text(errors, "funding_source", fields.funding_source, longest=200)
    check.organisation(errors, "owner", fields.owner)
    if any(not partner.is_active for partner in fields.partners):
        errors.add("partners", _("Choose active organisations."))
    if fields.objective is not None and fields.objective.strategy_id != plan.strategy_id:
        errors.add("objective", _("Choose an objective of the plan's strategy."))
    check.places_kind(errors, "places", fields.places, PLACE_KINDS)
    fields.life_domains = check.life_domains(errors, fields.life_domains)
    fields.signal_categories = check.signal_categories(errors, fields.signal_categories)
    fields.extremism_types = check.extremism_types(errors, fields.extremism_types)
    check.period(errors, "planned_start", fields.planned_start, "planned_end", fields.planned_end)
    check.period(errors, "actual_start", fields.actual_start, "actual_end", fields.actual_end)
    fields.budget_planned = check.money(errors, "budget_planned", fields.budget_planned)
    fields.funding_level = check.policy_level(
        errors, "funding_level", fields.funding_level, required=False
    )
    check.choice(errors, "status", fields.status, Action.Status)
    same_code = plan.actions.filter(code=fields.code)
    if existing is not None:
        same_code = same_code.exclude(pk=existing.pk)
    if fields.code and same_code.exists():
        errors.add("code", _("This plan already has an action with this code."))
    errors.raise_if_any()


def _save_action(action_record: Action, fields: ActionFields) -> Action:
    values = vars(fields).copy()
    partners, places = values.pop("partners"), values.pop("places")
    for name, value in values.items():
        setattr(action_record, name, value)
    action_record.save()
    action_record.partners.set(partners)
    action_record.places.set(places)
    return action_record


@action
def action_create(*, by, plan: ActionPlan, fields: ActionFields) -> Action:
    """A new action in `plan`, by those who edit the plan."""
    check_may_edit_plan(by, plan)
    _check_action(plan, fields, None)
    return _save_action(Action(plan=plan, created_by=by), fields)


@action
def action_update(*, by, action: Action, fields: ActionFields) -> Action:
    """Change an action: those who edit its plan, and the staff of its owner organisation."""
    check_may_update_action(by, action)
    _check_action(action.plan, fields, action)
    return _save_action(action, fields)


@action
def action_progress_record(
    *,
    by,
    action: Action,
    on: datetime.date | None = None,
    progress: int,
    budget_spent=None,
    note: str = "",
) -> ProgressUpdate:
    """Record how far an action got (0 to 100%) and, optionally, the budget spent so far.

    The action follows: its progress and budget spent take the new values, a planned action
    that made progress is running (from that day, unless it had started), and one at 100% is
    done (on that day).
    """
    check_may_update_action(by, action)
    errors = FieldErrors()
    today = timezone.localdate()
    on = on or today
    check.not_after_today(errors, "on", on, today)
    progress = check.percentage(errors, "progress", progress)
    spent = None
    if budget_spent not in (None, ""):
        spent = check.money(errors, "budget_spent", budget_spent)
    note = check.text(errors, "note", note, longest=2000)
    if action.status == Action.Status.STOPPED:
        errors.add_form_error(_("This action was stopped: its progress is no longer recorded."))
    errors.raise_if_any()
    update = ProgressUpdate(
        action=action, on=on, progress=progress, budget_spent=spent, note=note, by=by
    )
    update.save()
    action.progress = progress
    if spent is not None:
        action.budget_spent = spent
    if progress > 0 and action.status == Action.Status.PLANNED:
        action.status = Action.Status.RUNNING
    if action.actual_start is None and progress > 0:
        action.actual_start = on
    if progress == 100:
        action.status = Action.Status.DONE
        action.actual_end = action.actual_end or on
    elif action.status == Action.Status.DONE:
        action.status, action.actual_end = Action.Status.RUNNING, None
    action.save()
    return update


@action
def action_link_record(*, by, action: Action, reference: str) -> Action:
    """Make a record of another module part of this action ("restore_plan:12").

    Only a record the writer may open can be linked: the module that owns it resolves the
    reference for them (samen.core.follow_ups), so nobody learns of a record through a link.
    """
    check_may_update_action(by, action)
    reference = (reference or "").strip()
    errors = FieldErrors()
    if reference_url(by, reference) is None:
        errors.add("reference", _("No record you may open has this reference."))
    elif reference in action.linked_records:
        errors.add("reference", _("This record is part of the action already."))
    errors.raise_if_any()
    action.linked_records = [*action.linked_records, reference]
    action.save()
    return action
