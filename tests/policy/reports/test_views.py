"""The yearly report pages for every persona: everyone signed in reads the list and downloads
the files; those who edit the plan generate; the owner's members who edit it sign off and send;
the anonymous are sent to sign in; absent records are 404."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from samen.policy.models import YearlyReport
from samen.policy.report_actions import yearly_report_generate
from tests.conftest import get_as

EVERYONE = ["admin", "analyst", "coordinator", "frontline", "other_frontline", "prevention",
            "partner", "dpo"]  # fmt: skip


@pytest.fixture
def report(figures_world, personas) -> YearlyReport:
    return yearly_report_generate(
        by=personas.analyst, subject=figures_world.city_plan, year=2026, language="en"
    )


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("name", EVERYONE)
def test_everyone_signed_in_reads_the_lists_and_downloads(client, personas, report, name):
    person = getattr(personas, name)
    world_plan, strategy = report.plan, report.plan.strategy
    for url in (
        reverse("policy:plan_reports", args=[world_plan.pk]),
        reverse("policy:strategy_reports", args=[strategy.pk]),
    ):
        assert get_as(client, person, url).status_code == 200
    for kind, content_type in (
        ("pdf", "application/pdf"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ):
        response = get_as(client, person, reverse("policy:report_download", args=[report.pk, kind]))
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"]


def test_the_anonymous_are_sent_to_sign_in(client, report):
    for url in (
        reverse("policy:plan_reports", args=[report.plan_id]),
        reverse("policy:report_download", args=[report.pk, "pdf"]),
    ):
        response = get_as(client, None, url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(reverse("policy:report_sign_off", args=[report.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_absent_records_and_kinds_are_404(client, personas, report):
    for url in (
        reverse("policy:plan_reports", args=[999_999]),
        reverse("policy:strategy_reports", args=[999_999]),
        reverse("policy:report_download", args=[999_999, "pdf"]),
        reverse("policy:report_download", args=[report.pk, "exe"]),
    ):
        assert get_as(client, personas.analyst, url).status_code == 404, url


def test_the_spreadsheets_hold_the_figures(client, personas, report):
    client.force_login(personas.frontline)
    response = client.get(reverse("policy:report_download", args=[report.pk, "xlsx"]))
    book = openpyxl.load_workbook(io.BytesIO(body(response)))
    outputs = [[c.value for c in row] for row in book.worksheets[3].iter_rows()]
    assert ["Borgerhout", 2, "<5"] in outputs and ["Berchem", 7, "x"] in outputs
    response = client.get(reverse("policy:report_download", args=[report.pk, "ods"]))
    package = zipfile.ZipFile(io.BytesIO(body(response)))
    assert package.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
    assert b"Borgerhout" in package.read("content.xml")


@pytest.mark.parametrize("name", EVERYONE)
def test_only_those_who_edit_the_plan_generate(client, personas, figures_world, name):
    client.force_login(getattr(personas, name))
    url = reverse("policy:plan_reports", args=[figures_world.city_plan.pk])
    response = client.post(url, {"year": 2026})
    assert response.status_code == (302 if name == "analyst" else 403)
    assert YearlyReport.objects.exists() == (name == "analyst")


def test_a_generated_draft_is_signed_off_and_sent_through_the_pages(client, personas, report):
    client.force_login(personas.frontline)
    assert client.post(reverse("policy:report_sign_off", args=[report.pk])).status_code == 403
    client.force_login(personas.analyst)
    page = reverse("policy:plan_reports", args=[report.plan_id])
    assert "Aftekenen" in get_as(client, personas.analyst, page).content.decode()  # Dutch first
    assert client.post(reverse("policy:report_send", args=[report.pk])).status_code == 302
    assert YearlyReport.objects.get().status == YearlyReport.Status.DRAFT  # not sent: a draft
    client.post(reverse("policy:report_sign_off", args=[report.pk]))
    assert YearlyReport.objects.get().status == YearlyReport.Status.SIGNED_OFF
    client.post(reverse("policy:report_send", args=[report.pk]))
    assert YearlyReport.objects.get().status == YearlyReport.Status.SENT
