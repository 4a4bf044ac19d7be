"""The export files: CSV line by line and XLSX, no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import datetime
import io

from openpyxl import load_workbook

from samen.exports.files import csv_lines, export_filename, safe_cell, xlsx_file


def test_text_a_spreadsheet_would_run_gets_an_apostrophe():
    for dangerous in ["=1+2", "+31", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]:
        assert safe_cell(dangerous) == "'" + dangerous
    assert safe_cell("Spanning op het plein") == "Spanning op het plein"
    assert safe_cell(-3) == -3
    assert safe_cell("<5") == "<5"


def test_a_csv_file_starts_with_a_byte_order_mark_and_neutralises_formulas():
    lines = list(csv_lines(["Number", "Text"], [[1, "=1+2"], [2, None]], "nl"))
    assert lines[0] == "\ufeff"
    rows = list(csv.reader(io.StringIO("".join(lines[1:]))))
    assert rows == [["Number", "Text"], ["1", "'=1+2"], ["2", ""]]


def test_an_xlsx_file_holds_text_as_text_and_moments_as_dates():
    moment = datetime.datetime(2026, 3, 2, 14, 30)
    file = xlsx_file([("Signals", ["Number", "When", "Text"], [[1, moment, "=SUM(A1)"]])])
    sheet = load_workbook(file)["Signals"]
    assert [cell.value for cell in sheet[1]] == ["Number", "When", "Text"]
    assert [cell.value for cell in sheet[2]] == [1, moment, "'=SUM(A1)"]
    assert sheet["C2"].data_type == "s"


def test_a_download_is_named_after_its_contents_and_today(time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC))
    assert export_filename("Signal statistics", "csv") == "signal-statistics-2026-06-01.csv"
