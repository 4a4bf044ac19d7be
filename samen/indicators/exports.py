"""CSV and XLSX of what the indicators page shows: one row per place, the city last.

A value under the small-number rule is never written: its cell stays empty and the status
column says why ("<5", "too few residents"), as on the page.
"""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from samen.indicators.formulas import Result
from samen.indicators.selection import Selection

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Text a spreadsheet would run as a formula starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _value(result: Result | None, decimals: int) -> float | str:
    if result is None or not result.shown:
        return ""
    return round(result.value, decimals)


def _status(result: Result | None) -> str:
    return "" if result is None else result.label


def header(selection: Selection) -> list[str]:
    columns = [_("Code"), _("Place"), str(selection.year), _("Status")]
    if selection.compare:
        columns += [str(selection.compare), _("Status"), _("Change")]
    return columns


def rows(selection: Selection) -> list[list]:
    decimals = selection.indicator.decimals
    lines = []
    for row in selection.rows:
        line = [
            row.place.code,
            safe_text(row.place.name),
            _value(row.result, decimals),
            _status(row.result),
        ]
        if selection.compare:
            change = "" if row.change is None else round(row.change, decimals)
            line += [_value(row.compared, decimals), _status(row.compared), change]
        lines.append(line)
    city = ["", _("City"), _value(selection.city, decimals), _status(selection.city)]
    lines.append(city + (["", "", ""] if selection.compare else []))
    if selection.city_today is not None:
        today = _value(selection.city_today, decimals)
        lines.append(
            ["", _("City within today's boundaries"), today, _status(selection.city_today)]
        )
    return lines


def title_lines(selection: Selection) -> list[list[str]]:
    lines = [[safe_text(selection.indicator.name)], [_("Year") + f": {selection.year}"]]
    if selection.synthetic:
        lines.append(
            [_("Synthetic figures: generated for demonstration, not the city's statistics.")]
        )
    for attribution in selection.attributions:
        lines.append([_("Source") + ": " + safe_text(attribution)])
    return lines


def filename(selection: Selection, extension: str) -> str:
    stem = slugify(f"{selection.indicator.code}-{selection.level}-{selection.year}")
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


def as_csv(selection: Selection) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in title_lines(selection):
        writer.writerow(line)
    writer.writerow([])
    writer.writerow(header(selection))
    writer.writerows(rows(selection))
    return ("\ufeff" + buffer.getvalue()).encode()


def as_xlsx(selection: Selection) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = str(selection.year)
    for line in title_lines(selection):
        sheet.append(line)
    sheet.append([])
    sheet.append(header(selection))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for line in rows(selection):
        sheet.append(line)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
