"""A plan's actions and their progress from a CSV file: every row checked, then all or nothing.

The file is UTF-8 (a byte-order mark is fine), its cells separated by commas or semicolons (the
header line tells which), with a header naming the columns below in any order (docs/policy.md).
Every row is read first; a row that cannot be read is reported by its line number and column.
Only when all rows read well are they written, by `report_actions.plan_actions_import`, in one
transaction:
each row through the same actions as the forms (`action_create`, `action_update`,
`action_progress_record`), and when any refuses a row, every refusal is reported and the whole
file is rolled back. An action whose code the plan has already is updated.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from samen.people.models import Organisation
from samen.places.models import Place
from samen.policy import actions as policy_actions
from samen.policy.access import check_may_edit_plan
from samen.policy.models import Action, ActionPlan, LifeDomain
from samen.policy.report_actions import ImportRefusedError, plan_actions_import

COLUMNS = (
    "code",
    "title",
    "objective",
    "owner",
    "districts",
    "life_domains",
    "planned_start",
    "planned_end",
    "budget",
    "status",
    "progress",
)
REQUIRED_COLUMNS = frozenset({"code", "title", "owner"})
LIST_SEPARATOR = re.compile(r"[;|]")
# Where an action's refusal for a field is reported in the file.
COLUMN_OF_FIELD = {
    "places": "districts",
    "budget_planned": "budget",
    "budget_spent": "budget",
    "on": "progress",
    NON_FIELD_ERRORS: "",
}
MAX_ROWS = 2_000


@dataclass(frozen=True)
class Problem:
    """Why a line of the file cannot be imported; line 1 is the header."""

    line: int
    column: str
    message: str


@dataclass
class Row:
    line: int
    fields: policy_actions.ActionFields
    existing: Action | None
    progress: int | None


@dataclass
class ImportOutcome:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def decode(data: bytes) -> tuple[str, Problem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return "", Problem(
            line, "", _("This line is not UTF-8 text. Save the file as “CSV UTF-8” and try again.")
        )


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _date(value: str) -> datetime.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a day
        except ValueError:
            continue
    raise ValueError(value)


def _amount(value: str) -> Decimal:
    value = value.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in value and "." in value:
        value = value.replace(".", "").replace(",", ".")  # 12.500,00
    else:
        value = value.replace(",", ".")
    return Decimal(value)


class RowReader:
    """Turns a row's cells into the fields of an action, looking up codes held in memory."""

    def __init__(self, plan: ActionPlan) -> None:
        self.plan = plan
        self.objectives = {o.code.upper(): o for o in plan.strategy.objectives.all()}
        self.owners = {o.name.casefold(): o for o in Organisation.objects.all()}
        self.districts = {}
        for place in Place.objects.filter(kind=Place.Kind.DISTRICT):
            for name in (place.code, place.name_nl, place.name_fr, place.name_en):
                if name:
                    self.districts[name.casefold()] = place
        self.existing = {a.code: a for a in plan.actions.prefetch_related("partners", "places")}

    def read(self, line: int, cells: dict[str, str]) -> tuple[Row | None, list[Problem]]:
        problems: list[Problem] = []

        def problem(column: str, message: str) -> None:
            problems.append(Problem(line, column, message))

        def cell(name: str) -> str:
            return (cells.get(name) or "").strip()

        code = cell("code")
        existing = self.existing.get(code)
        objective = None
        if cell("objective"):
            objective = self.objectives.get(cell("objective").upper())
            if objective is None:
                problem("objective", _("No objective of the plan's strategy has this code."))
        owner = self.owners.get(cell("owner").casefold()) if cell("owner") else None
        if cell("owner") and owner is None:
            problem("owner", _("No organisation has this name."))
        districts = []
        for name in filter(None, (n.strip() for n in LIST_SEPARATOR.split(cell("districts")))):
            place = self.districts.get(name.casefold())
            if place is None:
                problem("districts", _("Unknown district: write its name or code."))
            else:
                districts.append(place)
        domains = [d.strip() for d in LIST_SEPARATOR.split(cell("life_domains")) if d.strip()]
        if any(d not in LifeDomain.values for d in domains):
            problem(
                "life_domains",
                _("Unknown life domain: use %(codes)s.") % {"codes": ", ".join(LifeDomain.values)},
            )
        days = {}
        for name in ("planned_start", "planned_end"):
            days[name] = None
            if cell(name):
                try:
                    days[name] = _date(cell(name))
                except ValueError:
                    problem(name, _("Write the date as 2026-03-14 or 14/03/2026."))
        budget = existing.budget_planned if existing else Decimal(0)
        if cell("budget"):
            try:
                budget = _amount(cell("budget"))
            except InvalidOperation:
                problem("budget", _("Write the budget in euro, for example 12500 or 12500,50."))
        status = cell("status").lower() or (existing.status if existing else "planned")
        if status not in Action.Status.values:
            problem(
                "status",
                _("Unknown status: use %(codes)s.") % {"codes": ", ".join(Action.Status.values)},
            )
        progress = None
        if cell("progress"):
            try:
                progress = int(cell("progress").rstrip("%").strip())
            except ValueError:
                problem("progress", _("Write progress as a whole number from 0 to 100."))
        if status == Action.Status.DONE and progress is not None and progress != 100:
            problem("progress", _("A done action has progress 100."))
        if problems:
            return None, problems
        fields = _fields_of(existing)
        fields.code, fields.title, fields.owner, fields.objective = (
            code,
            cell("title"),
            owner,
            objective,
        )
        neighbourhoods = [p for p in fields.places if p.kind != Place.Kind.DISTRICT]
        fields.places = [*districts, *neighbourhoods]
        fields.life_domains = domains
        fields.planned_start, fields.planned_end = days["planned_start"], days["planned_end"]
        fields.budget_planned, fields.status = budget, status
        return Row(line, fields, existing, progress), []


def _fields_of(existing: Action | None) -> policy_actions.ActionFields:
    """The fields of an existing action (those the file does not hold stay as they are)."""
    if existing is None:
        return policy_actions.ActionFields(code="", title="", owner=None)
    return policy_actions.ActionFields(
        code=existing.code,
        title=existing.title,
        owner=existing.owner,
        description=existing.description,
        objective=existing.objective,
        partners=list(existing.partners.all()),
        places=list(existing.places.all()),
        target_groups=existing.target_groups,
        life_domains=list(existing.life_domains),
        signal_categories=list(existing.signal_categories),
        extremism_types=list(existing.extremism_types),
        planned_start=existing.planned_start,
        planned_end=existing.planned_end,
        actual_start=existing.actual_start,
        actual_end=existing.actual_end,
        budget_planned=existing.budget_planned,
        funding_source=existing.funding_source,
        funding_level=existing.funding_level,
        status=existing.status,
    )


def read_file(plan: ActionPlan, data: bytes) -> tuple[list[Row], list[Problem]]:
    """Every row read, or every problem found in reading them."""
    text, problem = decode(data)
    if problem:
        return [], [problem]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if not header or not any(c.strip() for c in header):
        return [], [Problem(1, "", _("The file is empty: it needs a header line."))]
    names = [c.strip().lower() for c in header]
    problems = []
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    if missing:
        problems.append(
            Problem(1, "", _("The header lacks these columns: %(c)s.") % {"c": ", ".join(missing)})
        )
    if unknown:
        message = _("The header has columns Samen does not know: %(c)s.")
        problems.append(Problem(1, "", message % {"c": ", ".join(unknown)[:200]}))
    if len(set(names)) != len(names):
        problems.append(Problem(1, "", _("The header names a column twice.")))
    if problems:
        return [], problems
    row_reader = RowReader(plan)
    rows, seen = [], {}
    line = reader.line_num
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(rows) + len(problems) >= MAX_ROWS:
                problems.append(Problem(start, "", _("A file holds %(n)s rows at most.") % {
                    "n": MAX_ROWS}))  # fmt: skip
                break
            if len(cells) != len(names):
                message = _("This row has %(found)s cells; the header has %(expected)s.")
                problems.append(
                    Problem(start, "", message % {"found": len(cells), "expected": len(names)})
                )
                continue
            row, found = row_reader.read(start, dict(zip(names, cells, strict=True)))
            problems.extend(found)
            code = dict(zip(names, cells, strict=True))["code"].strip()
            if code and code in seen:
                message = _("Line %(line)s has this code already.") % {"line": seen[code]}
                problems.append(Problem(start, "code", message))
            seen.setdefault(code, start)
            if row is not None:
                rows.append(row)
    except csv.Error:
        problems.append(Problem(line + 1, "", _("This line cannot be read as CSV.")))
    if not rows and not problems:
        problems.append(Problem(1, "", _("The file holds no actions.")))
    return rows, problems


def _refusals(line: int, refused: ValidationError) -> list[Problem]:
    by_field = refused.message_dict if hasattr(refused, "error_dict") else {"": refused.messages}
    return [
        Problem(line, COLUMN_OF_FIELD.get(name, name), message)
        for name, messages in by_field.items()
        for message in messages
    ]


def import_file(*, by, plan: ActionPlan, data: bytes) -> ImportOutcome:
    """Read and check the file, then import it whole; or say what to correct."""
    check_may_edit_plan(by, plan)
    rows, problems = read_file(plan, data)
    if problems and not rows:
        return ImportOutcome(problems=problems)
    # The rows that read well go through the actions even when others did not, so that the
    # report names every problem at once; then nothing is kept.
    try:
        created, updated = plan_actions_import(
            by=by, plan=plan, rows=rows, check_only=bool(problems)
        )
    except ImportRefusedError as refused:
        problems += [p for line, error in refused.refusals for p in _refusals(line, error)]
        return ImportOutcome(problems=sorted(problems, key=lambda p: p.line))
    return ImportOutcome(created=created, updated=updated)
