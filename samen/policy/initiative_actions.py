"""Every write to initiatives: open and change one (from a signal too), record its outputs per
district and quarter, set its outcome indicators, add evaluations and dated updates."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.core.follow_ups import record_follow_up
from samen.people.models import Organisation
from samen.places.models import Place
from samen.policy import validation as check
from samen.policy.access import (
    check_may_create_initiatives,
    check_may_update_initiative,
    may_own_initiative,
)
from samen.policy.models import (
    Action,
    Evaluation,
    Initiative,
    InitiativeUpdate,
    OutcomeIndicator,
    OutputMeasure,
)

# What an initiative is to a signal it follows up, and the prefix of its reference there.
FOLLOW_UP_KIND = "initiative"
PLACE_KINDS = ("district", "neighbourhood")


@dataclass
class InitiativeFields:
    title: str
    owner: Organisation | None
    starts: datetime.date | None
    ends: datetime.date | None = None
    status: str = Initiative.Status.PLANNED
    level: str = "municipal"
    summary: str = ""
    target_groups: str = ""
    actions: list[Action] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    life_domains: list[str] = field(default_factory=list)
    signal_categories: list[str] = field(default_factory=list)
    problem: str = ""
    activities: str = ""
    outputs: str = ""
    outcomes: str = ""


def _check_initiative(by, fields: InitiativeFields, existing: Initiative | None) -> None:
    errors = FieldErrors()
    fields.title = check.text(
        errors, "title", fields.title, longest=200, required=_("Give the initiative a title.")
    )
    for name, longest in (
        ("summary", 2000),
        ("target_groups", 500),
        ("problem", 2000),
        ("activities", 2000),
        ("outputs", 2000),
        ("outcomes", 2000),
    ):
        setattr(fields, name, check.text(errors, name, getattr(fields, name), longest=longest))
    check.organisation(errors, "owner", fields.owner)
    changes_owner = existing is None or (
        fields.owner is not None and fields.owner.pk != existing.owner_id
    )
    if fields.owner is not None and changes_owner and not may_own_initiative(by, fields.owner):
        errors.add("owner", _("Choose an organisation you work for."))
    fields.level = check.policy_level(errors, "level", fields.level, required=True)
    if fields.starts is None:
        errors.add("starts", _("Give the day it starts."))
    check.period(errors, "starts", fields.starts, "ends", fields.ends)
    check.choice(errors, "status", fields.status, Initiative.Status)
    check.places_kind(errors, "places", fields.places, PLACE_KINDS)
    fields.life_domains = check.life_domains(errors, fields.life_domains)
    fields.signal_categories = check.signal_categories(errors, fields.signal_categories)
    errors.raise_if_any()


def _save_initiative(initiative: Initiative, fields: InitiativeFields) -> Initiative:
    values = vars(fields).copy()
    actions, places = values.pop("actions"), values.pop("places")
    for name, value in values.items():
        setattr(initiative, name, value)
    initiative.save()
    initiative.actions.set(actions)
    initiative.places.set(places)
    return initiative


@action
def initiative_create(*, by, fields: InitiativeFields, signal=None) -> Initiative:
    """Open an initiative; from a signal, record it as the signal's follow-up in the same step.

    `signal` must come from `samen.core.follow_ups.signal_to_follow_up`: the follow-up itself
    checks that `by` may follow it up, and a refusal rolls the initiative back with it.
    """
    check_may_create_initiatives(by)
    _check_initiative(by, fields, None)
    initiative = _save_initiative(Initiative(created_by=by), fields)
    if signal is not None:
        record_follow_up(
            by=by,
            signal=signal,
            kind=FOLLOW_UP_KIND,
            reference=f"{FOLLOW_UP_KIND}:{initiative.pk}",
        )
    return initiative


@action
def initiative_update(*, by, initiative: Initiative, fields: InitiativeFields) -> Initiative:
    check_may_update_initiative(by, initiative)
    _check_initiative(by, fields, initiative)
    return _save_initiative(initiative, fields)


def quarter_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the quarter `day` falls in."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = day.replace(month=first_month, day=1)
    if first_month == 10:
        end = datetime.date(day.year, 12, 31)
    else:
        end = datetime.date(day.year, first_month + 3, 1) - datetime.timedelta(days=1)
    return start, end


@action
def output_record(
    *,
    by,
    initiative: Initiative,
    place: Place | None,
    quarter_start: datetime.date | None,
    kind: str,
    value,
    label: str = "",
) -> OutputMeasure:
    """Record what an initiative delivered in a district in a quarter (sessions held, people
    reached); a second record for the same district, quarter and kind replaces the first."""
    check_may_update_initiative(by, initiative)
    errors = FieldErrors()
    check.choice(errors, "kind", kind, OutputMeasure.Kind)
    label = check.text(errors, "label", label, longest=120)
    if kind == OutputMeasure.Kind.OTHER and not label:
        errors.add("label", _("Say what was counted."))
    if place is None or place.kind != "district":
        errors.add("place", _("Choose a district."))
    if quarter_start is None:
        errors.add("quarter_start", _("Choose a quarter."))
    elif quarter_of(quarter_start)[0] != quarter_start:
        errors.add("quarter_start", _("A quarter starts on 1 January, April, July or October."))
    elif quarter_start > timezone.localdate():
        errors.add("quarter_start", _("This quarter has not begun yet."))
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        errors.add("value", _("Give a whole number, 0 or more."))
    errors.raise_if_any()
    period_start, period_end = quarter_of(quarter_start)
    measure = OutputMeasure.objects.filter(
        initiative=initiative, place=place, period_start=period_start, kind=kind, label=label
    ).first() or OutputMeasure(
        initiative=initiative,
        place=place,
        period_start=period_start,
        period_end=period_end,
        kind=kind,
        label=label,
    )
    measure.value, measure.recorded_by = value, by
    measure.save()
    return measure


@dataclass
class OutcomeFields:
    title: str
    baseline: Decimal | int | str | None
    baseline_on: datetime.date | None
    target: Decimal | int | str | None
    target_on: datetime.date | None
    indicator_key: str = ""
    definition: str = ""
    unit: str = ""
    direction: str = OutcomeIndicator.Direction.UP
    latest_value: Decimal | int | str | None = None
    latest_on: datetime.date | None = None


def _number(errors: FieldErrors, name: str, value, *, required: bool) -> Decimal | None:
    if value is None or value == "":
        if required:
            errors.add(name, _("Give a number."))
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors.add(name, _("Give a number."))
        return None
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        errors.add(name, _("Give a number."))
    return number


@action
def outcome_indicator_set(
    *,
    by,
    initiative: Initiative,
    fields: OutcomeFields,
    indicator: OutcomeIndicator | None = None,
) -> OutcomeIndicator:
    """Add an outcome indicator to an initiative, or change one of its own: a baseline, a
    target, and the latest value measured. `indicator_key` names a district indicator
    (samen.indicators) where one fits; otherwise `definition` says what is measured."""
    check_may_update_initiative(by, initiative)
    errors = FieldErrors()
    if indicator is not None and indicator.initiative_id != initiative.pk:
        errors.add_form_error(_("This indicator belongs to another initiative."))
    fields.title = check.text(
        errors, "title", fields.title, longest=200, required=_("Give the indicator a title.")
    )
    fields.definition = check.text(errors, "definition", fields.definition, longest=2000)
    fields.unit = check.text(errors, "unit", fields.unit, longest=40)
    fields.indicator_key = (fields.indicator_key or "").strip()
    if len(fields.indicator_key) > 40:
        errors.add("indicator_key", _("Keep it under %(count)s characters.") % {"count": 40})
    if not fields.indicator_key and not fields.definition:
        errors.add("definition", _("Choose a district indicator or say what is measured."))
    check.choice(errors, "direction", fields.direction, OutcomeIndicator.Direction)
    fields.baseline = _number(errors, "baseline", fields.baseline, required=True)
    fields.target = _number(errors, "target", fields.target, required=True)
    fields.latest_value = _number(errors, "latest_value", fields.latest_value, required=False)
    if fields.baseline_on is None:
        errors.add("baseline_on", _("Give the day of the baseline."))
    if fields.target_on is None:
        errors.add("target_on", _("Give the day the target should be reached."))
    check.period(errors, "baseline_on", fields.baseline_on, "target_on", fields.target_on)
    if (fields.latest_value is None) != (fields.latest_on is None):
        errors.add("latest_on", _("Give the latest value with the day it was measured."))
    errors.raise_if_any()
    record = indicator or OutcomeIndicator(initiative=initiative)
    for name, value in vars(fields).items():
        setattr(record, name, value)
    record.save()
    return record


@action
def evaluation_add(
    *,
    by,
    initiative: Initiative,
    kind: str,
    on: datetime.date | None,
    by_whom: str,
    summary: str,
    conclusions: str = "",
) -> Evaluation:
    """Add a process or outcome evaluation (its report is attached on its own page)."""
    check_may_update_initiative(by, initiative)
    errors = FieldErrors()
    check.choice(errors, "kind", kind, Evaluation.Kind)
    check.not_after_today(errors, "on", on, timezone.localdate())
    by_whom = check.text(
        errors, "by_whom", by_whom, longest=200, required=_("Say who evaluated it.")
    )
    summary = check.text(
        errors, "summary", summary, longest=4000, required=_("Summarise the evaluation.")
    )
    conclusions = check.text(errors, "conclusions", conclusions, longest=4000)
    errors.raise_if_any()
    evaluation = Evaluation(
        initiative=initiative,
        kind=kind,
        on=on,
        by_whom=by_whom,
        summary=summary,
        conclusions=conclusions,
        created_by=by,
    )
    evaluation.save()
    return evaluation


@action
def initiative_update_add(
    *, by, initiative: Initiative, text: str, on: datetime.date | None = None
) -> InitiativeUpdate:
    """Add a dated entry to the initiative's timeline."""
    check_may_update_initiative(by, initiative)
    errors = FieldErrors()
    on = on or timezone.localdate()
    check.not_after_today(errors, "on", on, timezone.localdate())
    text = check.text(errors, "text", text, longest=2000, required=_("Write the update."))
    errors.raise_if_any()
    update = InitiativeUpdate(initiative=initiative, on=on, text=text, by=by)
    update.save()
    return update
