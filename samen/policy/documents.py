"""Strategy documents and evaluation reports: what an upload must be, and how it is served.

An upload is a PDF or an ODT text document, recognised by its content, never by its name or
by what the browser declares; the declared type must agree with the content, so a file that
claims to be something it is not is refused. It is kept in the policy storage
(samen.policy.files: outside the web root, under a random name) with its SHA-256, and served
only by `document_response` to those the access rules let read the record.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from samen.policy.access import check_may_read, get_strategy_for_user, visible_initiatives
from samen.policy.models import Evaluation, Strategy

ODT_TYPE = "application/vnd.oasis.opendocument.text"
PDF_TYPE = "application/pdf"
ZIP_LOCAL_HEADER = b"PK\x03\x04"
LONGEST_NAME = 200


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str
    declared: frozenset[str]  # the content types a browser may declare for it


PDF = Kind(".pdf", PDF_TYPE, frozenset({PDF_TYPE, "application/x-pdf"}))
ODT = Kind(".odt", ODT_TYPE, frozenset({ODT_TYPE}))
KINDS_BY_EXTENSION = {kind.extension: kind for kind in (PDF, ODT)}


def max_upload_bytes() -> int:
    return settings.SAMEN_POLICY_UPLOAD_MAX_BYTES


def _is_odt(head: bytes) -> bool:
    # The OpenDocument format (ODF 1.2, part 3, section 3.3) requires the package's first member
    # to be "mimetype", stored uncompressed, holding the media type, so that it sits at a fixed
    # place in the file's first bytes: reading the first local file header tells, without
    # trusting a zip library's view of the central directory (which a crafted file can make
    # disagree with the bytes at the start).
    if len(head) < 30 or not head.startswith(ZIP_LOCAL_HEADER):
        return False
    compression = int.from_bytes(head[8:10], "little")
    name_length = int.from_bytes(head[26:28], "little")
    extra_length = int.from_bytes(head[28:30], "little")
    name = head[30 : 30 + name_length]
    start = 30 + name_length + extra_length
    content = head[start : start + len(ODT_TYPE)]
    return compression == 0 and name == b"mimetype" and content == ODT_TYPE.encode()


def kind_of(head: bytes) -> Kind | None:
    """PDF or ODT, read from the file's first bytes; None for anything else."""
    if head.startswith(b"%PDF-"):
        return PDF
    if _is_odt(head):
        return ODT
    return None


def sanitised_name(name: str, kind: Kind) -> str:
    """The uploaded file's own name, safe to show and to send back: no folders, no control or
    quoting characters, not too long, ending in the extension of what it is."""
    name = PurePath(str(name).replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r'["<>:/|?*;]+', "", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem = PurePath(name).stem if PurePath(name).suffix.lower() == kind.extension else name
    stem = stem[: LONGEST_NAME - len(kind.extension)].strip(" .") or _("document")
    return stem + kind.extension


@dataclass(frozen=True)
class CheckedUpload:
    kind: Kind
    name: str  # sanitised


def check_upload(upload, field: str = "file") -> CheckedUpload:
    """The upload's kind and safe name, or a ValidationError (in the reader's language) saying
    why it is refused: too large, empty, neither PDF nor ODT, or declared as something else."""
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            {field: _("The file is larger than %(size)s.") % {"size": filesizeformat(limit)}}
        )
    if upload.size == 0:
        raise ValidationError({field: _("The file is empty.")})
    upload.seek(0)
    head = upload.read(256)
    upload.seek(0)
    kind = kind_of(head)
    if kind is None:
        raise ValidationError({field: _("Upload a PDF or an ODT text document.")})
    declared = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    if declared not in kind.declared:
        raise ValidationError(
            {field: _("The file's declared type does not match its content. Upload it again.")}
        )
    return CheckedUpload(kind=kind, name=sanitised_name(upload.name or "", kind))


def get_strategy_document_for_user(user, pk: int) -> Strategy:
    """A strategy that has a document, for a reader (404 when absent or without one)."""
    strategy = get_strategy_for_user(user, pk)
    if not strategy.document:
        raise Http404
    return strategy


def get_evaluation_for_user(user, pk: int) -> Evaluation:
    """An evaluation of an initiative this person may read (404 when absent)."""
    check_may_read(user)
    evaluations = Evaluation.objects.select_related("initiative").filter(
        initiative__in=visible_initiatives(user)
    )
    return get_object_or_404(evaluations, pk=pk)


def get_evaluation_report_for_user(user, pk: int) -> Evaluation:
    evaluation = get_evaluation_for_user(user, pk)
    if not evaluation.report:
        raise Http404
    return evaluation


def content_type_of(stored_name: str) -> str:
    """The content type of a stored file, from the kind checked when it was stored."""
    kind = KINDS_BY_EXTENSION.get(PurePath(stored_name).suffix.lower())
    return kind.content_type if kind else "application/octet-stream"


def file_response(field_file, filename: str, content_type: str) -> FileResponse:
    """Send a stored file as a download that no browser sniffs, runs or keeps."""
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def document_response(field_file, original_name: str) -> FileResponse:
    content_type = content_type_of(field_file.name)
    kind = KINDS_BY_EXTENSION.get(PurePath(field_file.name).suffix.lower(), PDF)
    return file_response(field_file, sanitised_name(original_name or "", kind), content_type)
