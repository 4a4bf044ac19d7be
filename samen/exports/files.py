"""The files of every export: CSV streamed line by line, XLSX written to a temporary file.

Modules give a header and rows; what they may export, and the access record of each export,
stay with them. No cell reaches a spreadsheet as a formula (`safe_cell`).
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from django.utils import timezone, translation
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_MAX_ROWS = 1_048_575  # a worksheet's rows, less the header
# Text a spreadsheet would run as a formula (or a DDE call) starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
