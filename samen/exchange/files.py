"""An exchange's attachments: what an upload must be, where it is kept, how it is served.

The same rules as the policy module's documents: a PDF or an ODT text document, recognised by
its content, never by its name or by what the browser declares (which must agree with the
content); no larger than SAMEN_EXCHANGE_UPLOAD_MAX_BYTES; kept in SAMEN_EXCHANGE_MEDIA_ROOT,
outside the web root, under a random name, with its SHA-256; handed out only by a view that
asked the exchange's access rule, as a download that is never kept or sniffed.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

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


@deconstructible(path="samen.exchange.files.ExchangeFileStorage")
class ExchangeFileStorage(FileSystemStorage):
    """Files in SAMEN_EXCHANGE_MEDIA_ROOT, read from the settings at each use (tests move it)."""

    @property
    def base_location(self) -> str:
        return str(settings.SAMEN_EXCHANGE_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None

    def url(self, name):
        raise NotImplementedError("Exchange files have no address: a view serves them.")


exchange_files = ExchangeFileStorage()


def stored_name(instance, filename: str) -> str:
    """A random name: "attachment/3f2a….pdf"."""
    extension = PurePath(filename).suffix.lower()
    kept = extension if extension in KINDS_BY_EXTENSION else ""
    return f"attachment/{uuid.uuid4().hex}{kept}"


def sha256_of(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(64 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _is_odt(head: bytes) -> bool:
    # ODF 1.2 part 3, section 3.3: the first member is "mimetype", stored uncompressed, so the
    # media type sits at a fixed place in the first local file header.
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
    """The uploaded file's name, safe to show and send back, ending in what it is."""
    name = PurePath(str(name).replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r'["<>:/|?*;]+', "", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem = PurePath(name).stem if PurePath(name).suffix.lower() == kind.extension else name
    stem = stem[: LONGEST_NAME - len(kind.extension)].strip(" .") or _("document")
    return stem + kind.extension


def check_upload(upload, field: str = "file") -> str:
    """The upload's safe name, or a ValidationError in the reader's language saying why not."""
    limit = settings.SAMEN_EXCHANGE_UPLOAD_MAX_BYTES
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
    return sanitised_name(upload.name or "", kind)


def attachment_response(attachment) -> FileResponse:
    """Send an attachment as a download that no browser sniffs, runs or keeps."""
    kind = KINDS_BY_EXTENSION.get(PurePath(attachment.file.name).suffix.lower(), PDF)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
