"""Exports of signal rows (CSV, XLSX) and of small-cell-suppressed statistics for other levels.

Signal rows follow the list's rule: `check_may_export`, then `visible_signals` narrowed by the
list's filters; each export writes one access record to the audit trail. Statistics come from
the weekly counts only: every count from 1 to 4 shows as "<5", and `suppress` hides more cells
("x") wherever a total would let a hidden count be worked out (docs/exports.md).
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from auditlog.cid import get_cid
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from samen.audit.models import AuditRecord
from samen.places.models import Place
from samen.signals.access import (
    check_may_export,
    check_may_export_statistics,
    visible_signals,
)
from samen.signals.filters import SignalFilterForm
from samen.signals.models import Category, Signal, WeeklyCount, week_of

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_MAX_ROWS = 1_048_575  # a worksheet's rows, less the header
CHUNK = 500
# Text a spreadsheet would run as a formula (or a DDE call) starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SMALL_CELL_LIMIT = 5
SMALL = "<5"
HIDDEN = "x"
INFINITY = float("inf")


# --- Cells and files ----------------------------------------------------------------------------


def safe_cell(value: object) -> object:
    """Prefix text a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _text(value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value if isinstance(value, int) else str(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: list, rows: Iterable[list], language: str) -> Iterator[str]:
    """Yield a CSV file line by line, in `language`: byte-order mark, header, rows."""
    writer = csv.writer(_Echo())
    with translation.override(language):
        yield "\ufeff"  # so that spreadsheets read the file as UTF-8
        yield writer.writerow([safe_cell(str(label)) for label in header])
        for row in rows:
            yield writer.writerow([safe_cell(_text(value)) for value in row])


def xlsx_file(sheets: list[tuple[str, list, Iterable[list]]]) -> IO[bytes]:
    """Write (title, header, rows) sheets in write-only mode to a temporary file, rewound."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title=str(title)[:31])
        labels = [WriteOnlyCell(sheet, value=safe_cell(str(label))) for label in header]
        for label in labels:
            label.font = bold
        sheet.append(labels)
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    file = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it when sent
    book.save(file)
    file.seek(0)
    return file


def _xlsx_cell(sheet, value):
    if value is None or isinstance(value, int | float):
        return value
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    cell = WriteOnlyCell(sheet, value=safe_cell(str(value)))
    cell.data_type = "s"  # text, never a formula
    return cell


def export_filename(stem: str, extension: str) -> str:
    """Name a download after its contents and today's date: `signals-2026-06-01.csv`."""
    return f"{slugify(stem)}-{timezone.localdate().isoformat()}.{extension}"


def record_export(*, by, request: HttpRequest | None, what: str, details: dict) -> AuditRecord:
    """Write the one access record of an export: who, when, from where, what and how many rows."""
    data = {"what": what, "export": details}
    if request is not None:
        data.update(path=request.get_full_path()[:500], method=request.method)
    return AuditRecord.objects.create(
        content_type=ContentType.objects.get_for_model(Signal),
        object_pk="",
        object_repr=what,
        action=AuditRecord.Action.ACCESS,
        actor=by,
        actor_email=by.email,
        remote_addr=request.META.get("REMOTE_ADDR") if request is not None else None,
        additional_data=data,
        cid=get_cid(),
    )


# --- Signal rows --------------------------------------------------------------------------------

SIGNAL_FIELDS = ["occurred_at", "district", "neighbourhood", "categories", "severity"]
SIGNAL_FIELDS += ["source_type", "information_class", "confidence", "status", "merged_into", "text"]


def signal_header() -> list[str]:
    """Return the column names in the active language: the fields' own names where they exist."""
    fields = [capfirst(Signal._meta.get_field(name).verbose_name) for name in SIGNAL_FIELDS]
    return [_("Number"), *fields]


@dataclass
class SignalExport:
    """The signals one person may export with their filters, counted and recorded."""

    signals: QuerySet
    rows: int
    language: str

    def lines(self) -> Iterator[list]:
        """Yield one row per signal, newest first, reading the database in chunks."""
        signals = (
            self.signals.select_related("district", "neighbourhood")
            .prefetch_related("categories")
            .order_by("-occurred_at", "-pk")
        )
        for signal in signals.iterator(chunk_size=CHUNK):
            yield [
                signal.pk,
                timezone.localtime(signal.occurred_at).replace(tzinfo=None),
                signal.district.name,
                signal.neighbourhood.name if signal.neighbourhood else "",
                "; ".join(sorted(c.name for c in signal.categories.all())),
                signal.get_severity_display(),
                signal.get_source_type_display(),
                signal.get_information_class_display(),
                signal.get_confidence_display(),
                signal.get_status_display(),
                signal.merged_into_id,
                "" if signal.text_purged_at else signal.text,
            ]

    def csv(self) -> Iterator[str]:
        """Yield the export as CSV text."""
        return csv_lines(signal_header(), self.lines(), self.language)

    def xlsx(self) -> IO[bytes]:
        """Return the export as a rewound temporary XLSX file."""
        return xlsx_file([(_("Signals"), signal_header(), self.lines())])


def _filters_for_record(form: SignalFilterForm) -> dict:
    """Return the chosen filters as plain values, with the weeks they meant that day."""
    chosen = {}
    for name, value in form.cleaned_data.items():
        if value in (None, ""):
            continue
        if isinstance(value, Place | Category):
            value = value.code
        chosen[name] = value.isoformat() if isinstance(value, datetime.date) else value
    period = form.chosen_period
    chosen["weeks"] = [period.first.isoformat(), period.last.isoformat()]
    return chosen


def signal_export(user, params, *, request: HttpRequest | None, file_format: str) -> SignalExport:
    """Check access and filters, count the rows, and record the export in the audit trail."""
    check_may_export(user)
    form = SignalFilterForm(params)
    if not form.is_valid():
        raise ValidationError([m for messages in form.errors.values() for m in messages])
    signals = form.apply(visible_signals(Signal.objects.all(), user))
    rows = signals.count()
    if file_format == "xlsx" and rows > XLSX_MAX_ROWS:
        raise ValidationError(
            _("A spreadsheet holds at most %(limit)s rows: narrow the filters or choose CSV.")
            % {"limit": XLSX_MAX_ROWS}
        )
    details = {
        "format": file_format,
        "rows": rows,
        "filters": _filters_for_record(form),
        "role": user.role,
        "home_district": user.home_district.code if user.home_district_id else None,
    }
    what = _("Export of %(rows)s signals (%(format)s)") % {"rows": rows, "format": file_format}
    record_export(by=user, request=request, what=what, details=details)
    return SignalExport(signals=signals, rows=rows, language=translation.get_language())


# --- Small-cell suppression ---------------------------------------------------------------------


def _bounds(shown) -> tuple[float, float]:
    """Return what a reader knows of a cell: "<5" is 1 to 4, "x" at least 5, a number itself."""
    if shown == SMALL:
        return 1, SMALL_CELL_LIMIT - 1
    if shown == HIDDEN:
        return SMALL_CELL_LIMIT, INFINITY
    return shown, shown


def _others(total: float, own: float, unbounded: int, own_unbounded: bool) -> float:
    """Sum the other cells' upper bounds, given the sum of the finite ones."""
    return INFINITY if unbounded - own_unbounded > 0 else total - (0 if own_unbounded else own)


def exposed(total: Hashable, parts: list[Hashable], shown: dict) -> bool:
    """Tell whether `total = sum(parts)` pins down the value of a cell that is not shown."""
    cells = [total, *parts]
    if all(isinstance(shown[c], int) for c in cells):
        return False
    low_total, high_total = _bounds(shown[total])
    bounds = [_bounds(shown[p]) for p in parts]
    sum_low = sum(low for low, _high in bounds)
    finite_high = sum(high for _low, high in bounds if high != INFINITY)
    unbounded = sum(high == INFINITY for _low, high in bounds)
    implied = {total: (sum_low, INFINITY if unbounded else finite_high)}
    for part, (low, high) in zip(parts, bounds, strict=True):
        others_high = _others(finite_high, high, unbounded, high == INFINITY)
        implied[part] = (low_total - others_high, high_total - (sum_low - low))
    for cell in cells:
        if isinstance(shown[cell], int):
            continue
        low, high = _bounds(shown[cell])
        low, high = max(low, implied[cell][0]), min(high, implied[cell][1])
        if low == high:  # low > high: the relation is not exact (a signal in two categories)
            return True
    return False


def _second_cell(total, parts: list, shown: dict):
    """Choose the cell to hide as well: the smallest shown part of 5 or more, else the total."""
    candidates = [p for p in parts if isinstance(shown[p], int) and shown[p] >= SMALL_CELL_LIMIT]
    if candidates:
        return min(candidates, key=lambda p: shown[p])
    if isinstance(shown[total], int) and shown[total] >= SMALL_CELL_LIMIT:
        return total
    return None


def suppress(
    values: dict[Hashable, int], relations: list[tuple[Hashable, list[Hashable]]]
) -> dict[Hashable, int | str]:
    """Show counts 1-4 as "<5", then hide ("x") cells until no total pins down a hidden one."""
    # `relations` are (total, parts) with total = sum(parts). Zero stays 0 and is never hidden:
    # it singles nobody out. Cells are hidden one at a time, smallest first, until stable.
    shown = {
        cell: SMALL if 0 < value < SMALL_CELL_LIMIT else value for cell, value in values.items()
    }
    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            if exposed(total, parts, shown):
                extra = _second_cell(total, parts, shown)
                if extra is not None:
                    shown[extra] = HIDDEN
                    changed = True
    return shown


# --- Statistics ---------------------------------------------------------------------------------

ALL = ("all",)


def month_of_week(monday: datetime.date) -> tuple[int, int]:
    """Return the month a week counts in: the one holding its Thursday (most of its days)."""
    thursday = monday + datetime.timedelta(days=3)
    return thursday.year, thursday.month


def _weeks_of(month: tuple[int, int]) -> list[datetime.date]:
    first = week_of(datetime.date(*month, 1))
    mondays = [first + datetime.timedelta(weeks=n) for n in range(6)]
    return [monday for monday in mondays if month_of_week(monday) == month]


class StatisticsForm(forms.Form):
    since = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput({"type": "date"}))
    until = forms.DateField(label=gettext_lazy("Until"), widget=forms.DateInput({"type": "date"}))
    granularity = forms.ChoiceField(
        label=gettext_lazy("Counts per"),
        choices=[("month", gettext_lazy("month")), ("week", gettext_lazy("week"))],
    )
    level = forms.ChoiceField(
        label=gettext_lazy("Categories"),
        choices=[("category", gettext_lazy("each one")), ("group", gettext_lazy("per group"))],
    )
    format = forms.ChoiceField(choices=[("csv", "CSV"), ("xlsx", "XLSX")])

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            raise ValidationError(_("The period ends before it starts."))
        if since and until and (until - since).days > 5 * 366:
            raise ValidationError(_("Choose a period of at most five years."))
        return data


def statistics_initial(today: datetime.date | None = None) -> dict:
    """Propose the twelve whole months before this one, per month and category."""
    today = today or timezone.localdate()
    until = today.replace(day=1) - datetime.timedelta(days=1)
    since = today.replace(year=today.year - 1, day=1)
    return {"since": since, "until": until, "granularity": "month", "level": "category"}


@dataclass
class StatisticsTable:
    header: list
    rows: list[list]
    notes: list[list]


def _block(month, weeks, counts: dict, groups: dict[str, list[int]]) -> dict:
    """Suppress one district-month at once: its weeks, the month, categories and groups."""
    # Every sum a reader could form from any export (a month from its weeks, a group from its
    # categories, all signals from either) is a relation, so that no two exports, weekly and
    # monthly or per group and per category, can be set against each other.
    periods, month_period = [("w", w) for w in weeks], ("m", month)
    categories = [("c", c) for ids in groups.values() for c in ids]
    columns = [ALL, *[("g", g) for g in groups], *categories]
    values = {}
    for period in periods:
        values[period, ALL] = counts.get((period[1], None), 0)
        for column in categories:
            values[period, column] = counts.get((period[1], column[1]), 0)
        for group, ids in groups.items():
            values[period, ("g", group)] = sum(values[period, ("c", c)] for c in ids)
    for column in columns:
        values[month_period, column] = sum(values[p, column] for p in periods)
    relations = [((month_period, col), [(p, col) for p in periods]) for col in columns]
    for period in [*periods, month_period]:
        for group, ids in groups.items():
            relations.append(((period, ("g", group)), [(period, ("c", c)) for c in ids]))
        # Not exact (a signal with two categories counts in both), but hidden as if it were.
        relations.append(((period, ALL), [(period, ("g", g)) for g in groups]))
        relations.append(((period, ALL), [(period, c) for c in categories]))
    return suppress(values, relations)


def statistics_table(
    since: datetime.date, until: datetime.date, granularity: str, level: str
) -> StatisticsTable:
    """Count per district, period and category from the weekly counts, small cells suppressed."""
    first_week, weeks_asked = week_of(since), (week_of(until) - week_of(since)).days // 7 + 1
    wanted = {first_week + datetime.timedelta(weeks=n) for n in range(weeks_asked)}
    if granularity == "week":
        months = sorted({month_of_week(week) for week in wanted})
    else:
        first, last = since.year * 12 + since.month - 1, until.year * 12 + until.month
        months = [(index // 12, index % 12 + 1) for index in range(first, last)]
    weeks = {month: _weeks_of(month) for month in months}
    start, end = datetime.date(*months[0], 1), weeks[months[-1]][-1] + datetime.timedelta(days=6)

    counts = defaultdict(dict)
    for place, week, category, count in WeeklyCount.objects.filter(
        place__kind=Place.Kind.DISTRICT, week__gte=weeks[months[0]][0], week__lte=end
    ).values_list("place_id", "week", "category_id", "count"):
        counts[place][week, category] = count
    categories = list(
        Category.objects.filter(parent__isnull=False)
        .select_related("parent")
        .order_by("parent__order", "order", "name_nl")
    )
    groups: dict[str, list[int]] = {}
    for category in categories:
        groups.setdefault(category.group, []).append(category.pk)
    existed = (Q(valid_from__isnull=True) | Q(valid_from__lte=end)) & (
        Q(valid_until__isnull=True) | Q(valid_until__gt=start)
    )
    districts = Place.objects.districts().filter(existed | Q(pk__in=list(counts)))
    if level == "group":
        roots = {c.group: c.parent.name for c in categories}
        columns, labels = [("g", g) for g in groups], [roots[g] for g in groups]
    else:
        columns = [("c", c.pk) for c in categories]
        labels = [f"{c.parent.name}: {c.name}" for c in categories]

    rows = []
    for district in districts.order_by("name_nl"):
        for month in months:
            shown = _block(month, weeks[month], counts[district.pk], groups)
            if granularity == "week":
                periods = [(("w", w), "{}-W{:02d}".format(*w.isocalendar())) for w in weeks[month]]
                periods = [(p, label) for p, label in periods if p[1] in wanted]
            else:
                periods = [(("m", month), "{}-{:02d}".format(*month))]
            for period, label in periods:
                cells = [shown[period, column] for column in [ALL, *columns]]
                rows.append([district.code, district.name, label, *cells])
    header = [_("District code"), _("District"), _("Period"), _("All signals"), *labels]
    notes = [
        [SMALL, _("between 1 and 4 signals")],
        [HIDDEN, _("hidden so that no number under 5 can be worked out from the others")],
        [_("Period"), f"{since.isoformat()} – {until.isoformat()}"],
        [_("Made on"), timezone.localdate().isoformat()],
        [_("Months"), _("a week counts in the month that holds its Thursday")],
        [_("Categories"), _("a signal with several categories counts once in each of them")],
    ]
    return StatisticsTable(header=header, rows=rows, notes=notes)


def statistics_export(
    user, form: StatisticsForm, *, request: HttpRequest | None
) -> StatisticsTable:
    """Check access, build the table for a valid form and record the export."""
    check_may_export_statistics(user)
    data = form.cleaned_data
    table = statistics_table(data["since"], data["until"], data["granularity"], data["level"])
    filters = {name: str(data[name]) for name in ("since", "until", "granularity", "level")}
    details = {"format": data["format"], "rows": len(table.rows), "filters": filters}
    what = _("Export of signal statistics (%(format)s)") % {"format": data["format"]}
    record_export(by=user, request=request, what=what, details=details)
    return table
