"""Attachments follow the policy documents' upload rules: PDF or ODT by content, the declared
type agreeing, a size limit, a safe name, a random stored name outside the web root."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from samen.exchange.files import (
    ODT_TYPE,
    PDF,
    check_upload,
    exchange_files,
    sanitised_name,
    stored_name,
)
from tests.exchange.conftest import PDF_BYTES


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as odt:
        odt.writestr(zipfile.ZipInfo("mimetype"), ODT_TYPE, compress_type=zipfile.ZIP_STORED)
        odt.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def test_a_pdf_and_an_odt_are_accepted():
    assert check_upload(SimpleUploadedFile("a.pdf", PDF_BYTES, "application/pdf")) == "a.pdf"
    assert check_upload(SimpleUploadedFile("b", odt_bytes(), ODT_TYPE)) == "b.odt"


@pytest.mark.parametrize(
    ("content", "declared", "message"),
    [
        (b"", "application/pdf", "The file is empty."),
        (b"<html>", "application/pdf", "Upload a PDF or an ODT text document."),
        (PDF_BYTES, "text/html", "The file's declared type does not match its content."),
    ],
)
def test_other_files_are_refused(content, declared, message):
    with pytest.raises(ValidationError) as refusal:
        check_upload(SimpleUploadedFile("x.pdf", content, declared))
    assert message in refusal.value.message_dict["file"][0]


def test_a_file_over_the_limit_is_refused(settings):
    settings.SAMEN_EXCHANGE_UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as refusal:
        check_upload(SimpleUploadedFile("a.pdf", PDF_BYTES, "application/pdf"))
    assert "larger than" in refusal.value.message_dict["file"][0]


def test_names_are_made_safe_and_stored_names_random():
    assert sanitised_name('../../etc/"pass"wd.pdf', PDF) == "passwd.pdf"
    assert stored_name(None, "x.PDF").startswith("attachment/")
    assert stored_name(None, "x.pdf") != stored_name(None, "x.pdf")
    assert stored_name(None, "x.exe").count(".") == 0


def test_the_storage_has_no_address(settings, tmp_path):
    settings.SAMEN_EXCHANGE_MEDIA_ROOT = tmp_path
    assert exchange_files.location == str(tmp_path)
    with pytest.raises(NotImplementedError):
        exchange_files.url("attachment/x.pdf")
