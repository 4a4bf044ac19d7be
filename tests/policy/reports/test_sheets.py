"""The yearly report's figures as XLSX and ODS: one sheet per part of the report, in the
reader's language, numbers as numbers, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import io
import zipfile

import openpyxl
from django.utils import translation

from samen.policy.models import Action
from samen.policy.reports.figures import report_figures
from samen.policy.reports.sheets import ODS_TYPE, report_ods, report_xlsx


def figures_of(world, language="en"):
    with translation.override(language):
        return report_figures(plan=world.city_plan, year=2026)


def test_the_workbook_has_a_sheet_per_part_with_numbers_as_numbers(figures_world):
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(figures_of(figures_world), "en")))
    assert book.sheetnames == ["Standing", "Actions", "Budget", "Outputs", "Evaluations"]
    standing = [[c.value for c in row] for row in book["Standing"].iter_rows()]
    assert standing[0] == ["Standing", "Actions"]
    assert sum(row[1] for row in standing[1:]) == 4
    budget = {row[0]: row[1:] for row in book["Budget"].iter_rows(min_row=2, values_only=True)}
    assert budget["Flemish"] == (5000.5, 2500.0)


def test_the_sheets_are_named_in_the_readers_language(figures_world):
    xlsx = report_xlsx(figures_of(figures_world, "nl"), "nl")
    assert openpyxl.load_workbook(io.BytesIO(xlsx)).sheetnames[0] == "Stand"
    package = zipfile.ZipFile(io.BytesIO(report_ods(figures_of(figures_world, "fr"), "fr")))
    assert "État d’avancement".encode() in package.read("content.xml")


def test_the_ods_is_a_spreadsheet_with_float_cells(figures_world):
    package = zipfile.ZipFile(io.BytesIO(report_ods(figures_of(figures_world), "en")))
    assert package.read("mimetype") == ODS_TYPE.encode()
    content = package.read("content.xml").decode()
    for name in ("Standing", "Actions", "Budget", "Outputs", "Evaluations"):
        assert f'table:name="{name}"' in content
    assert 'office:value-type="float" office:value="5000.50"' in content


def test_a_title_that_looks_like_a_formula_is_kept_as_text(figures_world):
    Action.objects.filter(pk=figures_world.city_action.pk).update(title="=HYPERLINK(1)")
    figures = figures_of(figures_world)
    content = zipfile.ZipFile(io.BytesIO(report_ods(figures, "en"))).read("content.xml")
    assert b"'=HYPERLINK(1)" in content
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(figures, "en")))
    titles = [row[1] for row in book["Actions"].iter_rows(min_row=2, values_only=True)]
    assert not any(str(title).startswith("=") for title in titles)
