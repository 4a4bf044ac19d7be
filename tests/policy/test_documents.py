"""Strategy documents and evaluation reports: a PDF or an ODT recognised by its content, within
the size limit, declared as what it is, kept under a random name with its SHA-256; the strategy
and initiative pages link to them (the download and upload pages are tested in
test_report_views.py)."""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from samen.policy.documents import ODT_TYPE, kind_of, max_upload_bytes, sanitised_name
from samen.policy.models import Evaluation
from samen.policy.report_actions import evaluation_report_attach, strategy_document_attach
from tests.conftest import get_as
from tests.policy.conftest import audited

EVERYONE = ["admin", "analyst", "coordinator", "frontline", "other_frontline", "prevention",
            "partner", "dpo"]  # fmt: skip
PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def odt_bytes(first="mimetype", mimetype=ODT_TYPE) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo(first), mimetype, compress_type=zipfile.ZIP_STORED)
        package.writestr("styles.xml", "<office:document-styles/>")
    return buffer.getvalue()


def upload(content=PDF_BYTES, name="strategie.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files(settings) -> list:
    root = settings.SAMEN_POLICY_MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --- What an upload must be ---------------------------------------------------------------------


def test_a_pdf_is_stored_under_a_random_name_with_its_hash(personas, world, settings):
    strategy = strategy_document_attach(
        by=personas.analyst, strategy=world.strategy, upload=upload(name="../../Plan 2026.pdf")
    )
    strategy.refresh_from_db()
    assert strategy.document.name.startswith("strategy/")
    assert "Plan" not in strategy.document.name and strategy.document.name.endswith(".pdf")
    assert strategy.document_name == "Plan 2026.pdf"
    assert strategy.document_sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    [stored] = stored_files(settings)
    assert stored.read_bytes() == PDF_BYTES
    assert str(settings.SAMEN_POLICY_MEDIA_ROOT) in str(stored)
    assert audited(strategy, personas.analyst, action=1)


def test_an_odt_is_recognised_by_its_first_member(personas, world):
    document = odt_bytes()
    assert kind_of(document).extension == ".odt"
    strategy = strategy_document_attach(
        by=personas.analyst,
        strategy=world.strategy,
        upload=upload(document, "plan.odt", ODT_TYPE),
    )
    assert strategy.document.name.endswith(".odt")


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (b"MZ\x90\x00\x03" + b"\x00" * 200, "strategie.pdf", "application/pdf"),  # a renamed .exe
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "plan.odt", ODT_TYPE),  # a renamed program
        (b"<html><script>alert(1)</script></html>", "plan.pdf", "application/pdf"),
        (odt_bytes(first="meta.xml"), "plan.odt", ODT_TYPE),  # a zip, not an ODT
        (odt_bytes(mimetype="application/zip"), "plan.odt", ODT_TYPE),
        (PDF_BYTES, "strategie.pdf", "text/html"),  # a PDF declared as something else
        (PDF_BYTES, "strategie.pdf", ODT_TYPE),
        (odt_bytes(), "plan.odt", "application/pdf"),
        (b"", "leeg.pdf", "application/pdf"),
    ],
)
def test_anything_else_is_refused_and_nothing_is_stored(
    personas, world, settings, content, name, content_type
):
    with pytest.raises(ValidationError) as refused:
        strategy_document_attach(
            by=personas.analyst, strategy=world.strategy, upload=upload(content, name, content_type)
        )
    assert "document" in refused.value.message_dict
    world.strategy.refresh_from_db()
    assert not world.strategy.document and not world.strategy.document_sha256
    assert stored_files(settings) == []


def test_a_file_over_the_limit_is_refused_in_the_readers_language(personas, world, settings):
    settings.SAMEN_POLICY_UPLOAD_MAX_BYTES = 1024
    big = upload(PDF_BYTES + b"0" * 1024)
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        strategy_document_attach(by=personas.analyst, strategy=world.strategy, upload=big)
    assert "groter dan" in refused.value.message_dict["document"][0]
    assert stored_files(settings) == []


def test_the_limit_is_20_mb_unless_set(settings):
    assert settings.SAMEN_POLICY_UPLOAD_MAX_BYTES == 20 * 1024 * 1024
    settings.SAMEN_POLICY_UPLOAD_MAX_BYTES = 1024
    assert max_upload_bytes() == 1024


def test_only_those_who_edit_strategies_attach_their_document(personas, world):
    for name in ("coordinator", "frontline", "partner", "admin", "dpo"):
        with pytest.raises(PermissionDenied):
            strategy_document_attach(
                by=getattr(personas, name), strategy=world.strategy, upload=upload()
            )


def test_a_new_document_replaces_the_old_file(
    personas, world, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        strategy_document_attach(by=personas.analyst, strategy=world.strategy, upload=upload())
    with django_capture_on_commit_callbacks(execute=True):
        strategy_document_attach(
            by=personas.analyst,
            strategy=world.strategy,
            upload=upload(odt_bytes(), "b.odt", ODT_TYPE),
        )
    [stored] = stored_files(settings)
    assert stored.suffix == ".odt"


def test_an_evaluation_report_is_attached_by_the_initiatives_owner(personas, world):
    evaluation = an_evaluation(world.partner_initiative)
    with pytest.raises(PermissionDenied):
        evaluation_report_attach(by=personas.frontline, evaluation=evaluation, upload=upload())
    evaluation_report_attach(by=personas.partner, evaluation=evaluation, upload=upload())
    evaluation.refresh_from_db()
    assert evaluation.report.name.startswith("evaluation/")
    assert evaluation.report_sha256 == hashlib.sha256(PDF_BYTES).hexdigest()


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("..\\..\\windows\\evil.pdf", "evil.pdf"),
        ('re"port\r\n; x.pdf', "report x.pdf"),
        ("verslag.exe", "verslag.exe.pdf"),
        ("", "document.pdf"),
        ("Évaluation été.pdf", "Évaluation été.pdf"),
    ],
)
def test_the_original_name_is_sanitised(given, kept):
    assert sanitised_name(given, kind_of(PDF_BYTES)) == kept


def an_evaluation(initiative) -> Evaluation:
    return Evaluation.objects.create(
        initiative=initiative,
        kind=Evaluation.Kind.PROCESS,
        on=datetime.date(2026, 3, 1),
        by_whom="Hogeschool",
        summary="Goed verlopen.",
    )


# --- The pages that link to them ---------------------------------------------------------------


@pytest.fixture
def stored(personas, world):
    strategy_document_attach(
        by=personas.analyst, strategy=world.strategy, upload=upload(name="Strategie 2026.pdf")
    )
    evaluation = an_evaluation(world.partner_initiative)
    evaluation_report_attach(
        by=personas.partner, evaluation=evaluation, upload=upload(odt_bytes(), "r.odt", ODT_TYPE)
    )
    return evaluation


def test_the_pages_link_to_the_documents_and_offer_uploads_only_to_editors(
    client, personas, world, stored
):
    download = reverse("policy:strategy_document", args=[world.strategy.pk])
    upload_url = reverse("policy:strategy_document_upload", args=[world.strategy.pk])
    reports = reverse("policy:strategy_reports", args=[world.strategy.pk])
    page = get_as(client, personas.analyst, reverse("policy:strategy", args=[world.strategy.pk]))
    assert download in page.text and upload_url in page.text and reports in page.text
    page = get_as(client, personas.frontline, reverse("policy:strategy", args=[world.strategy.pk]))
    assert download in page.text and reports in page.text and upload_url not in page.text

    initiative = reverse("policy:initiative", args=[world.partner_initiative.pk])
    report = reverse("policy:evaluation_report", args=[stored.pk])
    report_upload = reverse("policy:evaluation_report_upload", args=[stored.pk])
    page = get_as(client, personas.partner, initiative)
    assert report in page.text and report_upload in page.text
    page = get_as(client, personas.dpo, initiative)
    assert report in page.text and report_upload not in page.text


def test_a_plan_links_to_its_reports_and_offers_the_import_to_its_editors(client, personas, world):
    plan = world.city_plan
    reports = reverse("policy:plan_reports", args=[plan.pk])
    csv_import = reverse("policy:plan_import", args=[plan.pk])
    page = get_as(client, personas.analyst, reverse("policy:plan", args=[plan.pk]))
    assert reports in page.text and csv_import in page.text
    page = get_as(client, personas.dpo, reverse("policy:plan", args=[plan.pk]))
    assert reports in page.text and csv_import not in page.text
