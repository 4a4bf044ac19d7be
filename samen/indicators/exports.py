"""CSV and XLSX of what the indicators page shows: one row per place, the city last.

A value under the small-number rule is never written: its cell stays empty and the status
column says why ("<5", "too few residents"), as on the page.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from samen.exports.files import CSV_TYPE, XLSX_TYPE, csv_lines, export_filename, xlsx_file
from samen.indicators.formulas import Result
from samen.indicators.selection import Selection

__all__ = ["CSV_TYPE", "XLSX_TYPE", "as_csv", "as_xlsx", "filename"]


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
            row.place.name,
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


def notes(selection: Selection) -> list[list[str]]:
    """What the page says beside the figures: the indicator, synthetic, the sources."""
    lines = [[selection.indicator.name]]
    if selection.synthetic:
        lines.append(
            [_("Synthetic figures: generated for demonstration, not the city's statistics.")]
        )
    for attribution in selection.attributions:
        lines.append([_("Source") + ": " + attribution])
    return lines


def filename(selection: Selection, extension: str) -> str:
    return export_filename(
        f"{selection.indicator.code}-{selection.level}-{selection.year}", extension
    )


def as_csv(selection: Selection):
    """The CSV's lines: the table, a blank line, then the notes."""
    return csv_lines(
        header(selection),
        [*rows(selection), [], *notes(selection)],
        translation.get_language(),
    )


def as_xlsx(selection: Selection):
    """A rewound XLSX file: the table on the first sheet, the notes on the second."""
    return xlsx_file(
        [
            (str(selection.year), header(selection), rows(selection)),
            (_("About"), [_("Notes")], notes(selection)),
        ]
    )
