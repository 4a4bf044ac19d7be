"""Drawing a year's report from the registered sections, and writing it as JSON and CSV.

The content is plain JSON in one shape, the API's `LevelReport` schema:

    {"schema_version": 1, "year": 2025, "drawn_at": "...",
     "sections": [{"code": "...", "columns": ["district", ...], "rows": [{...}, ...]}]}

Codes, not translated names, so other levels' systems read it the same in every language;
titles and column headings are added in the reader's language when shown (`labelled`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json

from django.utils import timezone

from samen.core.level_reports import report_sections
from samen.exports.files import safe_cell

SCHEMA_VERSION = 1


def draw(year: int) -> dict:
    """The year's report from every registered section, as it stands now."""
    return {
        "schema_version": SCHEMA_VERSION,
        "year": year,
        "drawn_at": timezone.now().isoformat(timespec="seconds"),
        "sections": [
            {
                "code": section.code,
                "columns": [column.code for column in section.columns],
                "rows": section.rows(year),
            }
            for section in report_sections()
        ],
    }


def canonical(content: dict) -> bytes:
    """The content as bytes in one fixed form: keys sorted, no spaces, UTF-8."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256_of(content: dict) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def labelled(content: dict) -> list[dict]:
    """The sections with their titles, notes and headings in the active language, for pages.

    A section no module registers any more (its module was removed) keeps its codes."""
    known = {section.code: section for section in report_sections()}
    shown = []
    for part in content.get("sections", []):
        section = known.get(part["code"])
        headings = {c.code: str(c.label) for c in section.columns} if section else {}
        shown.append(
            {
                "code": part["code"],
                "title": str(section.title) if section else part["code"],
                "note": str(section.note) if section else "",
                "headings": [headings.get(code, code) for code in part["columns"]],
                "rows": [[row.get(code) for code in part["columns"]] for row in part["rows"]],
            }
        )
    return shown


def as_csv(content: dict) -> str:
    """One CSV of every section: `section` first, then each section's own columns.

    Column names are the codes of the JSON, so a CSV and a JSON of one report match field for
    field; an empty cell is an empty value (no level set, say). No text reaches a spreadsheet as
    a formula (`safe_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for part in content.get("sections", []):
        writer.writerow(["section", *part["columns"]])
        for row in part["rows"]:
            values = [row.get(code) for code in part["columns"]]
            writer.writerow([part["code"], *["" if v is None else safe_cell(v) for v in values]])
    return out.getvalue()
