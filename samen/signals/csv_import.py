"""Signals from a CSV file: every row checked like the form and the API, then all or nothing.

The file is UTF-8 with a header naming the columns below (in any order; `neighbourhood` may be
left out). Every row goes through `actions.check_signal`, with the places and categories held
in memory so that checking a row asks nothing of the database. When any row is bad, the
report names every bad row by its line number and nothing is stored; otherwise the whole file
is stored at once by `batches.signals_import_bulk`, in one transaction with one audited
import record.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from samen.people.roles import Role
from samen.places.models import Place
from samen.privacy.case_references import CaseReferenceError, find_case_references
from samen.privacy.identifiers import KIND_LABELS, find_personal_data
from samen.privacy.text_guard import PersonalDataError
from samen.signals import batches
from samen.signals.actions import SignalFields, check_signal
from samen.signals.models import Category, SignalImport

COLUMNS = (
    "occurred_at",
    "district",
    "neighbourhood",
    "categories",
    "severity",
    "source_type",
    "information_class",
    "confidence",
    "text",
)
OPTIONAL_COLUMNS = frozenset({"neighbourhood"})
CATEGORY_SEPARATOR = re.compile(r"[;|]")
PROGRESS_STEP = 10_000
# Roles that may import, and whether they are held to their home district.
IMPORT_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICY_ANALYST, Role.DISTRICT_COORDINATOR})

Progress = Callable[[str, int], None]  # (phase: "check" or "store", rows just done)
Chunks = Callable[..., Iterator[tuple]]  # (checker, rows, shape) -> (good, problems, done)
Shape = Callable[[list[SignalFields]], object]  # what a chunk's good rows become


@dataclass(frozen=True)
class Problem:
    """Why a line of the file cannot be imported; line 0 is the file as a whole."""

    line: int
    column: str
    message: str


@dataclass
class CheckedFile:
    """The outcome of checking a file: the rows ready to store, or the problems."""

    rows: list[SignalFields] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    count: int = 0  # data rows read, good and bad
    staged: int = 0  # good rows streamed into a batches.Staging instead of `rows`

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows or self.staged)


@dataclass
class ImportOutcome:
    """What an import did: the stored batch, or why nothing was stored."""

    checked: CheckedFile
    batch: SignalImport | None = None
    earlier: list[SignalImport] = field(default_factory=list)


def may_import(user) -> bool:
    """Administrators, policy analysts and district coordinators with a home district."""
    if not user.is_authenticated or not user.is_active or user.role not in IMPORT_ROLES:
        return False
    return user.role != Role.DISTRICT_COORDINATOR or bool(user.home_district_id)


def check_may_import(user) -> None:
    """Refuse the import to everyone else (the page exists for all: 403, not 404)."""
    if not may_import(user):
        raise PermissionDenied


def _quoted(value: str) -> str:
    """A value from the file, quoted for a message only when it is plainly a code."""
    value = value.strip()
    if (
        re.fullmatch(r"[\w-]{1,40}", value)
        and not find_personal_data(value)
        and not find_case_references(value)
    ):
        return f"“{value}”"
    return ""


def _unknown(message: str, value: str) -> str:
    """Say which code is not known, quoting it only when that is safe."""
    return message % {"code": _quoted(value) or "“…”"}


class RowChecker:
    """Turns the cells of one row into checked `SignalFields`, without database queries."""

    def __init__(self, user, *, now=None) -> None:
        self.now = now or timezone.now()
        self.zone = timezone.get_current_timezone()
        places = list(
            Place.objects.filter(kind__in=[Place.Kind.DISTRICT, Place.Kind.NEIGHBOURHOOD])
        )
        self.districts: dict[str, Place] = {}
        self.neighbourhoods: dict[str, Place] = {}
        for place in places:
            target = self.districts if place.kind == Place.Kind.DISTRICT else self.neighbourhoods
            target[place.code.upper()] = place
        self.categories = {c.code: c for c in Category.objects.all()}
        self.places_by_pk = {p.pk: p for p in places}
        self.categories_by_pk = {c.pk: c for c in self.categories.values()}
        self.home_district_id = (
            user.home_district_id if user.role == Role.DISTRICT_COORDINATOR else None
        )

    def check(self, line: int, cells: dict[str, str]) -> tuple[SignalFields | None, list[Problem]]:
        """Read and check one row; the fields when good, else every problem found in it."""
        problems: list[Problem] = []

        def problem(column: str, message: str) -> None:
            problems.append(Problem(line, column, message))

        occurred_at = self._moment(cells["occurred_at"])
        if occurred_at is None:
            problem(
                "occurred_at",
                _("Write the moment as ISO 8601, for example 2025-03-14T21:30+01:00."),
            )
        district = self.districts.get(cells["district"].strip().upper())
        if district is None:
            problem("district", _unknown(_("Unknown district code %(code)s."), cells["district"]))
        elif self.home_district_id and district.pk != self.home_district_id:
            problem("district", _("You may import signals of your own district only."))
        code = cells.get("neighbourhood", "").strip().upper()
        neighbourhood = self.neighbourhoods.get(code) if code else None
        if code and neighbourhood is None:
            problem("neighbourhood", _unknown(_("Unknown neighbourhood code %(code)s."), code))
        categories = []
        for code in CATEGORY_SEPARATOR.split(cells["categories"]):
            code = code.strip().lower()
            if not code:
                continue
            category = self.categories.get(code)
            if category is None:
                problem("categories", _unknown(_("Unknown category code %(code)s."), code))
            else:
                categories.append(category)
        severity = _number(cells["severity"])
        if severity is None:
            problem("severity", _("Write the severity as a number from 1 to 4."))
        confidence = _number(cells["confidence"])
        if confidence is None:
            problem("confidence", _("Write how sure the reporter is as a number from 1 to 3."))
        if problems:
            return None, problems
        fields = SignalFields(
            district=district,
            neighbourhood=neighbourhood,
            occurred_at=occurred_at,
            categories=categories,
            severity=severity,
            source_type=cells["source_type"].strip(),
            information_class=cells["information_class"].strip(),
            confidence=confidence,
            text=cells["text"],
        )
        try:
            check_signal(fields, now=self.now, zone=self.zone)
        except PersonalDataError as error:
            return None, [Problem(line, error.field, personal_data_message(error))]
        except CaseReferenceError as error:
            return None, [Problem(line, error.field, case_reference_message(error))]
        except ValidationError as error:
            by_column = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            return None, [
                Problem(line, column, message)
                for column, messages in by_column.items()
                for message in messages
            ]
        return fields, []

    @staticmethod
    def _moment(value: str):
        try:
            moment = parse_datetime(value.strip())
        except ValueError:
            return None
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment)  # the city's own time
        return moment


def _number(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def personal_data_message(error: PersonalDataError) -> str:
    """Where the personal data sits, by kind and position, never quoting it."""
    places = ", ".join(
        _("%(kind)s at characters %(start)s–%(end)s")
        % {"kind": KIND_LABELS[f.kind], "start": f.start + 1, "end": f.end}
        for f in error.findings
    )
    return _("Personal data in the text: %(places)s. Describe the situation, not the people.") % {
        "places": places
    }


def case_reference_message(error: CaseReferenceError) -> str:
    """Where the case reference sits, by position, never quoting it."""
    places = ", ".join(
        _("characters %(start)s–%(end)s") % {"start": f.start + 1, "end": f.end}
        for f in error.found
    )
    return _(
        "A reference to the case consultation in the text (%(places)s): its information may "
        "only be used inside it."
    ) % {"places": places}


def decode(data: bytes) -> tuple[str, Problem | None]:
    """The file's text, or the line where it stops being UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = _(
            "This line is not UTF-8 text. Save the file as “CSV UTF-8” in your spreadsheet "
            "and try again."
        )
        return "", Problem(line, "", message)


def read_rows(text: str, problems: list[Problem]) -> Iterator[tuple[int, dict[str, str] | None]]:
    """The data rows as (line number, cells by column); unreadable rows (None) and the file's
    own problems are added to `problems`."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error:
        header = None
    if not header or not any(cell.strip() for cell in header):
        problems.append(Problem(1, "", _("The file is empty: it needs a header line.")))
        return
    names = [cell.strip().lower() for cell in header]
    missing = [c for c in COLUMNS if c not in names and c not in OPTIONAL_COLUMNS]
    unknown = [n for n in names if n not in COLUMNS]
    doubled = sorted({n for n in names if names.count(n) > 1})
    for message, columns in (
        (_("The header lacks these columns: %(columns)s."), missing),
        (_("The header has columns Samen does not know: %(columns)s."), unknown),
        (_("The header names these columns twice: %(columns)s."), doubled),
    ):
        if columns:
            listed = ", ".join(_quoted(c) or "?" for c in columns)
            problems.append(Problem(1, "", message % {"columns": listed}))
    if problems:
        return
    width = len(names)
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            problems.append(Problem(start, "", _("This line cannot be read as CSV.")))
            return
        line = reader.line_num
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue
        if len(cells) != width:
            message = _("This row has %(found)s cells; the header has %(expected)s.") % {
                "found": len(cells),
                "expected": width,
            }
            problems.append(Problem(start, "", message))
            yield start, None
            continue
        yield start, dict(zip(names, cells, strict=True))


def _counted(rows: Iterable, checked: CheckedFile, max_rows: int | None) -> Iterator:
    """Pass on the rows that can be checked, counting all, up to `max_rows`."""
    for line, cells in rows:
        checked.count += 1
        if max_rows is not None and checked.count > max_rows:
            message = _("The file has more than %(max)s rows: import it with the command.")
            checked.problems.append(Problem(line, "", message % {"max": max_rows}))
            return
        if cells is not None:
            yield line, cells


def chunked(rows: Iterator, size: int = PROGRESS_STEP) -> Iterator[list]:
    """The rows in lists of `size`."""
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def check_chunk(chunk: list, checker: RowChecker) -> tuple[list[SignalFields], list[Problem]]:
    """Check a list of (line, cells): the good fields and the problems."""
    good, problems = [], []
    for line, cells in chunk:
        fields, found = checker.check(line, cells)
        if fields is not None:
            good.append(fields)
        problems += found
    return good, problems


def checked_chunks(checker: RowChecker, rows: Iterator, shape: Shape | None = None) -> Iterator:
    """(good fields, problems, rows done) per chunk, in file order, in this process;
    with `shape`, shape(good fields) in their place."""
    for chunk in chunked(rows):
        good, problems = check_chunk(chunk, checker)
        yield (shape(good) if shape else good), problems, len(chunk)


def check_file(
    data: bytes,
    *,
    by,
    max_rows: int | None = None,
    progress: Progress | None = None,
    chunks: Chunks = checked_chunks,
    staging: batches.Staging | None = None,
) -> CheckedFile:
    """Check every row of a CSV file as `by` would file it; keep the good rows in memory,
    or with `staging` (PostgreSQL) stream them into its table while checking goes on.

    `chunks` checks the rows (see `checked_chunks`); the command passes one that spreads
    them over several processes.
    """
    checked = CheckedFile()
    text, problem = decode(data)
    if problem:
        checked.problems.append(problem)
        return checked
    checker = RowChecker(by)
    rows = _counted(read_rows(text, checked.problems), checked, max_rows)
    if staging is None:
        for good, problems, count in chunks(checker, rows):
            checked.rows += good
            checked.problems += problems
            if progress:
                progress("check", count)
    else:
        shape = functools.partial(batches.staged_lines, zone=checker.zone)
        for staged, problems, count in chunks(checker, rows, shape):
            checked.problems += problems
            if not checked.problems:  # a bad file is only checked on, never kept
                staging.write(staged)
            if progress:
                progress("check", count)
        checked.staged = staging.rows
    if not checked.count and not checked.problems:
        checked.problems.append(Problem(0, "", _("The file holds no signals.")))
    if checked.problems:
        checked.problems.sort(key=lambda p: p.line)
        checked.rows = []  # nothing of a bad file is kept, let alone stored
    return checked


def earlier_imports(file_name: str) -> list[SignalImport]:
    """Earlier imports of a file with this name, newest first."""
    return list(
        SignalImport.objects.filter(file_name=file_name[:255])
        .select_related("imported_by")
        .order_by("-imported_at")
    )


def import_file(
    data: bytes,
    *,
    by,
    file_name: str,
    again: bool = False,
    max_rows: int | None = None,
    progress: Progress | None = None,
    chunks: Chunks = checked_chunks,
) -> ImportOutcome:
    """Check a CSV file and, when every row is good, store all of it as one audited batch.

    A file whose name was imported before is refused unless `again` confirms it: importing
    the same rows twice would count every signal twice in the weekly statistics.
    """
    check_may_import(by)
    outcome = ImportOutcome(checked=CheckedFile())
    if not again:
        outcome.earlier = earlier_imports(file_name)
        if outcome.earlier:
            return outcome

    def stored(rows: int) -> None:
        if progress:
            progress("store", rows)

    if connection.vendor != "postgresql":
        outcome.checked = check_file(
            data, by=by, max_rows=max_rows, progress=progress, chunks=chunks
        )
        if outcome.checked.ok:
            outcome.batch = batches.signals_import_bulk(
                by=by, file_name=file_name, rows=outcome.checked.rows, progress=stored
            )
        return outcome
    # PostgreSQL: the good rows go into a temporary table as they are checked; only when
    # every row is good do they go into the signals, set-based (batches.signals_import_staged).
    staging = batches.Staging()
    try:
        with staging:
            outcome.checked = check_file(
                data, by=by, max_rows=max_rows, progress=progress, chunks=chunks, staging=staging
            )
        if outcome.checked.ok:
            outcome.batch = batches.signals_import_staged(
                by=by, file_name=file_name, staging=staging, progress=stored
            )
    finally:
        staging.close()
    return outcome
