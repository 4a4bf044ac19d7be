"""A yearly report's life: drafts drawn again freely, signed off by a member of the owner
organisation who may edit the plan (its PDF frozen), sent only when signed off and unchanged."""

from __future__ import annotations

import datetime
import hashlib
import io

import pypdf
import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from samen.people.models import OrganisationMembership
from samen.policy.models import YearlyReport
from samen.policy.report_actions import (
    yearly_report_generate,
    yearly_report_send,
    yearly_report_sign_off,
)
from tests.policy.conftest import audited

JUNE_15 = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(JUNE_15, tick=False):
        yield


def pdf_text(report: YearlyReport) -> str:
    """The PDF's text, every run of white space (line ends, no-break spaces) one space."""
    with report.pdf.open("rb") as file:
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(file).pages)
    return flat(text)


def flat(text: str) -> str:
    return " ".join(text.split())


def generate(world, by, language="en", year=2026) -> YearlyReport:
    return yearly_report_generate(by=by, subject=world.city_plan, year=year, language=language)


def test_the_pdf_holds_the_figures_in_english(figures_world, personas):
    report = generate(figures_world, personas.analyst)
    text = pdf_text(report)
    assert "Yearly report 2026: Actieplan Samenleven 2026" in text
    assert "Figures as of 15 June 2026." in text
    assert "on track 1 behind 1 done 1 stopped 1" in text
    assert "€ 5,000.50" in text and "€ 1,300.00" in text
    assert "Berchem 7 x Borgerhout 2 <5 All districts 9 43" in text
    assert "Hogeschool Antwerpen" in text and "Meer sessies in Berchem." in text
    assert "page 1 of" in text
    with report.pdf.open("rb") as file:
        reader = pypdf.PdfReader(file)
        pages = len(reader.pages)
        fonts = {
            font["/BaseFont"]
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
    assert f"page {pages} of {pages}" in text
    # Every font is embedded (a TrueType subset), none of the PDF's standard fonts.
    assert fonts and all("+" in str(name) for name in fonts)


@pytest.mark.parametrize(
    ("language", "day", "amount"),
    [("nl", "15 juni 2026", "€ 5.000,50"), ("fr", "15 juin 2026", "€ 5\u202f000,50")],
)
def test_the_pdf_speaks_the_readers_language(figures_world, personas, language, day, amount):
    text = pdf_text(generate(figures_world, personas.analyst, language))
    assert day in text
    assert flat(amount) in text


def test_a_draft_is_drawn_again_in_place(figures_world, personas):
    first = generate(figures_world, personas.analyst)
    again = generate(figures_world, personas.analyst, "nl")
    assert again.pk == first.pk and YearlyReport.objects.count() == 1
    assert again.pdf_sha256 == hashlib.sha256(again.pdf.open("rb").read()).hexdigest()
    assert audited(again, personas.analyst)


def test_only_those_who_edit_the_plan_generate(figures_world, personas):
    for name in ("coordinator", "frontline", "partner", "admin", "dpo"):
        with pytest.raises(PermissionDenied):
            generate(figures_world, getattr(personas, name))


def test_a_year_to_come_is_refused(figures_world, personas):
    with pytest.raises(ValidationError):
        generate(figures_world, personas.analyst, year=2027)


def test_sign_off_freezes_the_pdf_and_send_keeps_it(figures_world, personas):
    report = generate(figures_world, personas.analyst)
    frozen = report.pdf_sha256
    report = yearly_report_sign_off(by=personas.analyst, report=report)
    assert report.status == YearlyReport.Status.SIGNED_OFF
    assert report.signed_off_by == personas.analyst and report.signed_off_at
    with pytest.raises(ValidationError):
        generate(figures_world, personas.analyst)  # no longer drawn again
    report = yearly_report_send(by=personas.analyst, report=report)
    assert report.status == YearlyReport.Status.SENT and report.sent_at
    assert report.pdf_sha256 == frozen
    assert hashlib.sha256(report.pdf.open("rb").read()).hexdigest() == frozen
    with pytest.raises(ValidationError):
        yearly_report_send(by=personas.analyst, report=report)


def test_a_draft_cannot_be_sent(figures_world, personas):
    report = generate(figures_world, personas.analyst)
    with pytest.raises(ValidationError):
        yearly_report_send(by=personas.analyst, report=report)


def test_sign_off_needs_a_member_of_the_owner_organisation_who_edits_the_plan(
    figures_world, personas
):
    report = generate(figures_world, personas.analyst)
    # The frontline worker is a member of the city department but does not edit the plan; the
    # partner edits nothing of it.
    for name in ("frontline", "partner", "coordinator", "admin"):
        with pytest.raises(PermissionDenied):
            yearly_report_sign_off(by=getattr(personas, name), report=report)
    OrganisationMembership.objects.filter(user=personas.analyst).delete()
    personas.analyst.policy_organisation_ids = None
    with pytest.raises(PermissionDenied):
        yearly_report_sign_off(by=personas.analyst, report=report)


def test_a_changed_file_is_neither_signed_off_nor_sent(figures_world, personas):
    report = generate(figures_world, personas.analyst)
    path = report.pdf.path
    with open(path, "ab") as file:
        file.write(b"%tampered")
    with pytest.raises(ValidationError):
        yearly_report_sign_off(by=personas.analyst, report=report)
    report = generate(figures_world, personas.analyst)
    report = yearly_report_sign_off(by=personas.analyst, report=report)
    with open(report.pdf.path, "ab") as file:
        file.write(b"%tampered")
    with pytest.raises(ValidationError):
        yearly_report_send(by=personas.analyst, report=report)
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.SIGNED_OFF and report.sent_at is None


def test_a_strategy_report(figures_world, personas):
    report = yearly_report_generate(
        by=personas.analyst, subject=figures_world.strategy, year=2026, language="en"
    )
    assert report.strategy == figures_world.strategy and report.plan is None
    assert "Samen leven in de stad 2025-2030" in pdf_text(report)


def test_the_pdf_reads_in_pypdf(figures_world, personas):
    report = generate(figures_world, personas.analyst)
    assert pypdf.PdfReader(io.BytesIO(report.pdf.open("rb").read())).metadata.title
