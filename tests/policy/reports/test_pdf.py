"""The yearly report's PDF drawn from its figures: amounts and dates in the reader's language,
empty sections said to be empty, a page count on every page, no figure left out."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pypdf
import pytest
from django.utils import translation

from samen.policy.reports.figures import report_figures
from samen.policy.reports.pdf import day, euro, report_pdf


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize(
    ("language", "amount", "date"),
    [
        ("en", "€ 12,345.50", "15 June 2026"),
        ("nl", "€ 12.345,50", "15 juni 2026"),
        ("fr", "€ 12\xa0345,50", "15 juin 2026"),
    ],
)
def test_amounts_and_dates_follow_the_language(language, amount, date):
    with translation.override(language):
        assert euro(Decimal("12345.5")) == amount
        assert day(datetime.date(2026, 6, 15)) == date


def test_the_pdf_of_a_plan_holds_its_figures(figures_world):
    with translation.override("en"):
        figures = report_figures(plan=figures_world.city_plan, year=2026)
    pdf = report_pdf(figures, "en")
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert "Yearly report 2026: Actieplan Samenleven 2026" in text
    assert "Actie A1" in text and "Buurtfeest" in text and "Gestopt project" in text
    assert "Hogeschool Antwerpen" in text
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert f"page {pages} of {pages}" in text


def test_a_plan_without_outputs_or_evaluations_says_so(world):
    figures = report_figures(plan=world.berchem_plan, year=2026)
    text = text_of(report_pdf(figures, "en"))
    assert "No outputs recorded this year." in text
    assert "No evaluations this year." in text


def test_the_pdf_speaks_dutch(figures_world):
    with translation.override("nl"):
        figures = report_figures(plan=figures_world.city_plan, year=2026)
    text = text_of(report_pdf(figures, "nl"))
    assert "15 juni 2026" in text and "€ 5.000,50" in text
    assert "pagina 1 van" in text and "page 1 of" not in text
