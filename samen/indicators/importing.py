"""Reading indicator files: the two layouts cities receive, checked row by row, all or nothing.

- The federal statistics office's open data per statistical sector: one row per sector and
  year, the sector in a `CD_SECTOR` column; separated by |, ; or , and in UTF-8 (with or
  without a byte-order mark) or Latin-1.
- A city statistics portal's wide export: one row per place (district or neighbourhood, by
  code or Dutch name), one column per data element, a year column; CSV or XLSX.

A source's mapping (samen.indicators.models.SourceMapping) names the place and year columns
and which column is which data element. Every bad row is reported with its line and why
(unknown sector code, not a number, a duplicate row); a file with any problem stores
nothing. Reading makes no database query per row: the sectors, places and data elements are
held in memory.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samen.indicators.models import (
    FIRST_YEAR,
    LAST_YEAR,
    DataElement,
    SourceMapping,
    StatisticalSector,
)
from samen.places.models import Place

SEPARATORS = "|;,\t"
PROGRESS_STEP = 1000
MAX_QUOTED = 40
XLSX_MAGIC = b"PK\x03\x04"

Progress = Callable[[int, int], None]  # (rows done, rows in all)


@dataclass(frozen=True)
class Problem:
    """Why a line cannot be imported; line 0 is the file as a whole."""

    line: int
    message: str
    column: str = ""

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "message": self.message}


@dataclass
class CheckedFile:
    """A read file: its values by (element, sector or place, year, quarter), or its problems."""

    layout: str
    values: dict[tuple[int, int, int, int], float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def element_ids(self) -> set[int]:
        return {key[0] for key in self.values}

    @property
    def years(self) -> set[int]:
        return {key[2] for key in self.values}


def quoted(value: object) -> str:
    """A cell's text for a message, short."""
    text = str(value).strip()
    return "“" + (text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + "…") + "”"


# --- Reading the table ----------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped), else Latin-1, which reads any byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def separator(header_line: str) -> str:
    """The separator the header uses most: | ; , or a tab."""
    counts = {sep: header_line.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def is_xlsx(data: bytes) -> bool:
    return data.startswith(XLSX_MAGIC)


def csv_rows(data: bytes, delimiter: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a delimited text file, the header first."""
    text = decode(data)
    delimiter = delimiter or separator(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    for cells in reader:
        start = line + 1
        line = reader.line_num
        yield start, cells


def xlsx_rows(data: bytes) -> Iterator[tuple[int, list]]:
    """(row number, cells) of the first worksheet of an XLSX file, the header first."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, ["" if cell is None else cell for cell in row]
    finally:
        book.close()


def table_rows(data: bytes) -> Iterator[tuple[int, list]]:
    if is_xlsx(data):
        return xlsx_rows(data)
    return csv_rows(data)


def uses_decimal_comma(data: bytes) -> bool:
    """Whether the file separates with semicolons, and so writes decimals with a comma."""
    if is_xlsx(data):
        return False
    return separator(decode(data[:4096]).split("\n", 1)[0]) == ";"


def header_of(data: bytes) -> list[str]:
    """The file's column names, for the mapping step; [] when it cannot be read."""
    try:
        for _line, cells in table_rows(data):
            return [str(cell).strip() for cell in cells]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, csv.Error):
        return []
    return []


def count_rows(data: bytes) -> int:
    """About how many data rows a file holds, for the progress bar."""
    if is_xlsx(data):
        return 0
    return max(data.count(b"\n") - 1, 1)


# --- Cells --------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f']")


def number(cell: object, *, decimal_comma: bool = False) -> float | None:
    """A cell as a number; None when it is not one.

    1234, 1234.5, 1 234 and 12,5 read anywhere; with both marks the last one is the decimal
    separator (1.234,5 and 1,234.5). In a semicolon-separated file, Belgium's convention, the
    comma is the decimal separator and a point separates thousands: 1.200 is 1200.
    """
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        return float(cell)
    text = _SPACES.sub("", str(cell))
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
        return None
    return float(text)


def whole(cell: object) -> int | None:
    value = number(cell)
    return int(value) if value is not None and value == int(value) else None


def quarter_of(cell: object) -> int | None:
    text = str(cell).strip().upper().removeprefix("Q").removeprefix("K").removeprefix("T")
    if not text:
        return 0
    value = whole(text)
    return value if value is not None and 0 <= value <= 4 else None


# --- Places ---------------------------------------------------------------------------------


class Targets:
    """The sectors or places a file's rows may name, in memory: code (or name) → id."""

    def __init__(self, layout: str) -> None:
        self.layout = layout
        self.by_key: dict[str, int] = {}
        if layout == SourceMapping.Layout.SECTORS:
            for pk, code in StatisticalSector.objects.values_list("pk", "code"):
                self.by_key[code.strip().upper()] = pk
        else:
            # Names first, codes last, so that a code always wins; among names a district
            # wins over the city and a neighbourhood of the same name ("Antwerpen").
            order = {"neighbourhood": 0, "city": 1, "district": 2}
            places = sorted(
                Place.objects.values_list("pk", "code", "name_nl", "kind"),
                key=lambda place: order.get(place[3], 3),
            )
            for pk, _code, name, _kind in places:
                self.by_key[name.strip().upper()] = pk
            for pk, code, _name, _kind in places:
                self.by_key[code.strip().upper()] = pk

    def find(self, cell: object) -> int | None:
        return self.by_key.get(str(cell).strip().upper())

    def unknown_message(self, cell: object) -> str:
        if self.layout == SourceMapping.Layout.SECTORS:
            return _("Unknown statistical sector code %(code)s.") % {"code": quoted(cell)}
        return _("Unknown place %(code)s: use a district or neighbourhood code or name.") % {
            "code": quoted(cell)
        }


# --- Checking a file ---------------------------------------------------------------------------


def _columns(header: list, mapping: SourceMapping, elements: dict[str, int], problems: list):
    """Positions of the mapped columns in the header; problems for what is missing."""
    names = [str(cell).strip().lower() for cell in header]

    def position(column: str) -> int | None:
        column = column.strip().lower()
        return names.index(column) if column in names else None

    missing = []
    place = position(mapping.place_column)
    if place is None:
        missing.append(mapping.place_column)
    year = position(mapping.year_column) if mapping.year_column else None
    if mapping.year_column and year is None:
        missing.append(mapping.year_column)
    quarter = position(mapping.quarter_column) if mapping.quarter_column else None
    if mapping.quarter_column and quarter is None:
        missing.append(mapping.quarter_column)
    values = []
    for column, code in mapping.columns.items():
        where = position(column)
        if where is None:
            missing.append(column)
        elif code not in elements:
            problems.append(
                Problem(
                    0,
                    _("The mapping names an unknown data element %(code)s.")
                    % {"code": quoted(code)},
                    column,
                )
            )
        else:
            values.append((column, where, elements[code]))
    if missing:
        problems.append(
            Problem(
                1,
                _("The header lacks these columns of the mapping: %(columns)s.")
                % {"columns": ", ".join(quoted(c) for c in missing)},
            )
        )
    return place, year, quarter, values


def check_file(
    data: bytes, mapping: SourceMapping, *, progress: Progress | None = None
) -> CheckedFile:
    """Read and check every row of a file under a source's mapping."""
    checked = CheckedFile(layout=mapping.layout, sha256=hashlib.sha256(data).hexdigest())
    problems = checked.problems
    total = count_rows(data)
    try:
        rows = table_rows(data)
        first = next(rows, None)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        problems.append(Problem(0, _("The file cannot be read as CSV or XLSX.")))
        return checked
    if first is None or not any(str(cell).strip() for cell in first[1]):
        problems.append(Problem(1, _("The file is empty: it needs a header line.")))
        return checked
    elements = dict(DataElement.objects.values_list("code", "pk"))
    place_at, year_at, quarter_at, value_columns = _columns(first[1], mapping, elements, problems)
    if problems:
        return checked
    targets = Targets(mapping.layout)
    decimal_comma = uses_decimal_comma(data)
    seen: dict[tuple[int, int, int], int] = {}
    values = checked.values
    try:
        for line, cells in rows:
            if not cells or not any(str(cell).strip() for cell in cells):
                continue
            checked.rows += 1
            if progress and checked.rows % PROGRESS_STEP == 0:
                progress(checked.rows, max(total, checked.rows))
            row_problems = []
            width = max(
                place_at, year_at or 0, quarter_at or 0, *(at for _c, at, _e in value_columns)
            )
            if len(cells) <= width:
                problems.append(
                    Problem(
                        line,
                        _("This row has %(found)s cells; the header has more.")
                        % {"found": len(cells)},
                    )
                )
                continue
            target = targets.find(cells[place_at])
            if target is None:
                row_problems.append(
                    Problem(line, targets.unknown_message(cells[place_at]), mapping.place_column)
                )
            year = mapping.fixed_year if year_at is None else whole(cells[year_at])
            if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
                row_problems.append(
                    Problem(
                        line,
                        _("The year %(year)s is not a year.")
                        % {"year": quoted(cells[year_at]) if year_at is not None else "?"},
                        mapping.year_column,
                    )
                )
            quarter = 0 if quarter_at is None else quarter_of(cells[quarter_at])
            if quarter is None:
                row_problems.append(
                    Problem(
                        line,
                        _("The quarter %(quarter)s is not 1 to 4.")
                        % {"quarter": quoted(cells[quarter_at])},
                        mapping.quarter_column,
                    )
                )
            found = []
            for column, at, element in value_columns:
                cell = cells[at]
                if str(cell).strip() == "":
                    continue  # not given: no value, which is not 0
                value = number(cell, decimal_comma=decimal_comma)
                if value is None:
                    row_problems.append(
                        Problem(
                            line, _("%(value)s is not a number.") % {"value": quoted(cell)}, column
                        )
                    )
                else:
                    found.append((element, value))
            if not row_problems:
                key = (target, year, quarter)
                if key in seen:
                    row_problems.append(
                        Problem(
                            line,
                            _("A duplicate of line %(line)s: the same place and period.")
                            % {"line": seen[key]},
                            mapping.place_column,
                        )
                    )
                else:
                    seen[key] = line
            if row_problems:
                problems.extend(row_problems)
                continue
            for element, value in found:
                values[(element, target, year, quarter)] = value
    except csv.Error:
        problems.append(Problem(checked.rows + 1, _("This line cannot be read as CSV.")))
    if progress:
        progress(checked.rows, checked.rows)
    if not checked.rows and not problems:
        problems.append(Problem(0, _("The file holds no rows of figures.")))
    if problems:
        checked.values = {}
    return checked


# --- The statistical-sector lookup ------------------------------------------------------------

LOOKUP_COLUMNS = ("statsec", "district_code", "wijk_code")


def read_sector_lookup(data: bytes) -> tuple[list[dict], list[Problem]]:
    """Rows for `sectors_import` from a lookup file (statsec, district_code, wijk_code, ...).

    A district or neighbourhood code that names no place leaves the sector without it (the
    city's "unknown" sector counts for the city only); a sector named twice is a problem.
    """
    problems: list[Problem] = []
    rows: list[dict] = []
    iterator = csv_rows(data)
    first = next(iterator, None)
    header = [cell.strip().lower() for cell in first[1]] if first else []
    missing = [c for c in LOOKUP_COLUMNS if c not in header]
    if missing:
        problems.append(
            Problem(
                1,
                _("The header lacks these columns: %(columns)s.")
                % {"columns": ", ".join(quoted(c) for c in missing)},
            )
        )
        return rows, problems
    at = {name: header.index(name) for name in LOOKUP_COLUMNS}
    seen: dict[str, int] = {}
    for line, cells in iterator:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) < len(header):
            problems.append(Problem(line, _("This row has fewer cells than the header.")))
            continue
        code = cells[at["statsec"]].strip().upper()
        if not re.fullmatch(r"[0-9A-Z_-]{1,16}", code):
            problems.append(
                Problem(line, _("%(code)s is not a sector code.") % {"code": quoted(code)})
            )
            continue
        if code in seen:
            problems.append(
                Problem(line, _("A duplicate of line %(line)s.") % {"line": seen[code]})
            )
            continue
        seen[code] = line
        rows.append(
            {
                "code": code,
                "district_code": cells[at["district_code"]].strip(),
                "neighbourhood_code": cells[at["wijk_code"]].strip(),
            }
        )
    if not rows and not problems:
        problems.append(Problem(0, _("The file holds no sectors.")))
    return rows, problems
