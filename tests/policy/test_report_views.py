"""The pages of documents, yearly reports and the CSV import, for every persona: everyone signed
in reads the lists and downloads the files; those who edit the plan generate and import; the
owner's members who edit it sign off and send; only those who write upload; the anonymous are
sent to sign in; absent records are 404."""

from __future__ import annotations

import datetime
import io
import zipfile

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samen.policy.documents import ODT_TYPE
from samen.policy.models import Strategy, YearlyReport
from samen.policy.report_actions import yearly_report_generate
from tests.conftest import get_as
from tests.policy import test_documents as documents
from tests.policy.test_csv_import import GOOD, csv_file
from tests.policy.test_documents import PDF_BYTES, an_evaluation, stored_files, upload

JUNE_15 = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(JUNE_15, tick=False):
        yield


EVERYONE = ["admin", "analyst", "coordinator", "frontline", "other_frontline", "prevention",
            "partner", "dpo"]  # fmt: skip

stored = documents.stored


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


@pytest.mark.parametrize("name", EVERYONE)
def test_everyone_signed_in_downloads_the_documents(client, personas, world, stored, name):
    person = getattr(personas, name)
    response = get_as(client, person, reverse("policy:strategy_document", args=[world.strategy.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Strategie 2026.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF_BYTES
    response = get_as(client, person, reverse("policy:evaluation_report", args=[stored.pk]))
    assert response.status_code == 200 and response["Content-Type"] == ODT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="r.odt"'


def test_the_anonymous_are_sent_to_sign_in_for_the_documents(client, world, stored):
    for url in (
        reverse("policy:strategy_document", args=[world.strategy.pk]),
        reverse("policy:evaluation_report", args=[stored.pk]),
        reverse("policy:strategy_document_upload", args=[world.strategy.pk]),
        reverse("policy:evaluation_report_upload", args=[stored.pk]),
    ):
        response = get_as(client, None, url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_absent_records_and_absent_files_are_404(client, personas, world):
    evaluation = an_evaluation(world.city_initiative)
    for url in (
        reverse("policy:strategy_document", args=[999_999]),
        reverse("policy:strategy_document", args=[world.strategy.pk]),  # no document yet
        reverse("policy:evaluation_report", args=[999_999]),
        reverse("policy:evaluation_report", args=[evaluation.pk]),  # no report yet
        reverse("policy:evaluation_report_upload", args=[999_999]),
    ):
        assert get_as(client, personas.analyst, url).status_code == 404, url


@pytest.mark.parametrize("name", EVERYONE)
def test_the_upload_forms_open_for_those_who_write_only(client, personas, world, name):
    person = getattr(personas, name)
    evaluation = an_evaluation(world.partner_initiative)
    strategy_page = reverse("policy:strategy_document_upload", args=[world.strategy.pk])
    evaluation_page = reverse("policy:evaluation_report_upload", args=[evaluation.pk])
    expected_strategy = 200 if name == "analyst" else 403
    expected_evaluation = 200 if name in ("analyst", "partner") else 403
    assert get_as(client, person, strategy_page).status_code == expected_strategy
    assert get_as(client, person, evaluation_page).status_code == expected_evaluation


def test_an_upload_through_the_page(client, personas, world):
    client.force_login(personas.analyst)
    url = reverse("policy:strategy_document_upload", args=[world.strategy.pk])
    response = client.post(url, {"file": upload()})
    assert response.status_code == 302
    assert Strategy.objects.get(pk=world.strategy.pk).document_name == "strategie.pdf"


def test_a_refused_upload_shows_why_in_dutch(client, personas, world, settings):
    client.force_login(personas.analyst)
    url = reverse("policy:strategy_document_upload", args=[world.strategy.pk])
    response = client.post(
        url, {"file": upload(b"MZ" + b"\x00" * 100, "plan.pdf")}, HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 400
    assert "Upload een PDF" in response.content.decode() or "PDF" in response.content.decode()
    assert stored_files(settings) == []


@pytest.mark.parametrize("name", EVERYONE)
def test_the_import_page_opens_for_those_who_edit_the_plan(client, personas, world, name):
    expected = {"analyst": 200}.get(name, 403)
    url = reverse("policy:plan_import", args=[world.city_plan.pk])
    assert get_as(client, getattr(personas, name), url).status_code == expected
    borgerhout = reverse("policy:plan_import", args=[world.borgerhout_plan.pk])
    expected = {"coordinator": 200}.get(name, 403)
    assert get_as(client, getattr(personas, name), borgerhout).status_code == expected


def test_the_anonymous_are_sent_to_sign_in_and_absent_plans_are_404(client, personas, world):
    response = get_as(client, None, reverse("policy:plan_import", args=[world.city_plan.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    url = reverse("policy:plan_import", args=[999_999])
    assert get_as(client, personas.analyst, url).status_code == 404


def test_an_import_through_the_page(client, personas, world):
    client.force_login(personas.analyst)
    url = reverse("policy:plan_import", args=[world.city_plan.pk])
    good = SimpleUploadedFile("acties.csv", csv_file(*GOOD), content_type="text/csv")
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    bad = SimpleUploadedFile(
        "acties.csv", csv_file(GOOD[1].replace("11002S", "Atlantis")), content_type="text/csv"
    )
    response = client.post(url, {"file": bad})
    assert response.status_code == 400
    assert "Onbekend district" in response.content.decode()
