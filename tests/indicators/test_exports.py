"""The CSV and XLSX of the indicators page: what was shown, hidden values left empty."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from samen.indicators import exports
from samen.indicators.models import Indicator
from samen.indicators.selection import select

pytestmark = pytest.mark.django_db


def chosen(compare=None):
    indicator = Indicator.objects.get(code="share_born_abroad")
    return select(indicator, level="", year=2025, compare=compare, period="10")


def test_the_header_names_the_year_and_the_comparison(figures):
    assert exports.header(chosen()) == ["Code", "Place", "2025", "Status"]
    assert exports.header(chosen(compare=2024)) == [
        "Code",
        "Place",
        "2025",
        "Status",
        "2024",
        "Status",
        "Change",
    ]


def test_a_hidden_value_is_never_written_only_why(figures):
    by_code = {row[0]: row for row in exports.rows(chosen())}
    assert by_code["11002S"][2:] == [round(400 / 935 * 100, 1), "value"]
    assert by_code["11007A"][2:] == ["", "<5"]


def test_the_city_comes_last_and_the_change_is_rounded(figures):
    lines = exports.rows(chosen(compare=2024))
    city = next(line for line in lines if line[1] == "City")
    assert lines.index(city) >= len(lines) - 2
    assert city[4:] == ["", "", ""]
    borgerhout = next(line for line in lines if line[0] == "11002S")
    assert borgerhout[6] == round(400 / 935 * 100 - 400 / 925 * 100, 1)


def test_notes_name_the_indicator_and_its_sources(figures):
    notes = exports.notes(chosen())
    assert notes[0] == ["share born abroad"]
    assert ["Source: Test attribution"] in notes


def test_the_filename_names_indicator_level_and_year(figures):
    name = exports.filename(chosen(), "csv")
    assert name.startswith("share_born_abroad-district-2025-") and name.endswith(".csv")


def test_the_csv_holds_the_table_then_the_notes(figures):
    text = "".join(exports.as_csv(chosen())).lstrip("\ufeff")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == ["Code", "Place", "2025", "Status"]
    assert [] in lines and lines[-1] == ["Source: Test attribution"]


def test_the_xlsx_has_the_table_and_the_notes_on_two_sheets(figures):
    book = load_workbook(exports.as_xlsx(chosen()))
    assert book.sheetnames == ["2025", "About"]
    first = list(book["2025"].iter_rows(values_only=True))
    assert first[0] == ("Code", "Place", "2025", "Status")
    assert len(first) == len(exports.rows(chosen())) + 1
