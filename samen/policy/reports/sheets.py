"""The yearly report's figures as spreadsheets: XLSX (written by samen.exports) and ODS."""

from __future__ import annotations

import io
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from samen.exports.files import safe_cell, xlsx_file
from samen.policy.progress import Standing
from samen.policy.reports.figures import ReportFigures

ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def _sheets(figures: ReportFigures) -> list[tuple[str, list, list[list]]]:
    """The report as (title, header, rows) sheets, in the active language."""
    labels = {s: str(s.label) for s in Standing}
    outputs = [[o.district, o.sessions, o.participants] for o in figures.outputs]
    if figures.outputs_total:
        total = figures.outputs_total
        outputs.append([total.district, total.sessions, total.participants])
    return [
        (
            _("Standing"),
            [_("Standing"), _("Actions")],
            [[labels[s], figures.standings[s]] for s in Standing],
        ),
        (
            _("Actions"),
            [_("Code"), _("Action"), _("Standing"), _("Progress (%)"), _("Planned"), _("Spent")],
            [
                [a.code, a.title, labels[a.standing], a.progress, a.budget_planned, a.budget_spent]
                for a in figures.actions
            ],
        ),
        (
            _("Budget"),
            [_("Funding level"), _("Planned"), _("Spent")],
            [[b.level, b.planned, b.spent] for b in figures.budgets],
        ),
        (_("Outputs"), [_("District"), _("Sessions held"), _("Participants reached")], outputs),
        (
            _("Evaluations"),
            [_("Date"), _("Initiative"), _("Kind"), _("Evaluated by"), _("Conclusions")],
            [
                [e.on.isoformat(), e.initiative, e.kind, e.by_whom, e.conclusions]
                for e in figures.evaluations
            ],  # fmt: skip
        ),
    ]


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


def report_xlsx(figures: ReportFigures, language: str) -> bytes:
    with translation.override(language):
        sheets = [
            (title, header, [[_plain(v) for v in row] for row in rows])
            for title, header, rows in _sheets(figures)
        ]
        file = xlsx_file(sheets)
    with file:
        return file.read()


def _ods_cell(value) -> TableCell:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=str(value))
        cell.addElement(P(text=str(value)))
        return cell
    cell = TableCell(valuetype="string")
    cell.addElement(P(text=str(safe_cell("" if value is None else str(value)))))
    return cell


def report_ods(figures: ReportFigures, language: str) -> bytes:
    with translation.override(language):
        document = OpenDocumentSpreadsheet()
        for title, header, rows in _sheets(figures):
            table = Table(name=str(title)[:31])
            for row in [[str(label) for label in header], *rows]:
                table_row = TableRow()
                for value in row:
                    table_row.addElement(_ods_cell(value))
                table.addElement(table_row)
            document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
