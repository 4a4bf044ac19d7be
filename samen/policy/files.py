"""Where the policy module keeps its files: strategy documents, evaluation reports, yearly
reports.

They live in SAMEN_POLICY_MEDIA_ROOT, outside the web root and never under the media or
static files, so no web server serves them: only a view that checks access hands one out.
Each is stored under a random name, never the name it was uploaded with.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

# The extensions a stored file may keep (what it is, is checked on its content on upload).
KEPT_EXTENSIONS = frozenset({".pdf", ".odt", ".ods", ".xlsx"})


@deconstructible(path="samen.policy.files.PolicyFileStorage")
class PolicyFileStorage(FileSystemStorage):
    """Files in SAMEN_POLICY_MEDIA_ROOT, read from the settings at each use (tests move it)."""

    @property
    def base_location(self) -> str:
        return str(settings.SAMEN_POLICY_MEDIA_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None

    def url(self, name):
        raise NotImplementedError("Policy files have no address: a view serves them.")


policy_files = PolicyFileStorage()


def stored_name(instance, filename: str) -> str:
    """A random name in a folder per kind of record: "strategy/3f2a….pdf"."""
    extension = PurePath(filename).suffix.lower()
    kept = extension if extension in KEPT_EXTENSIONS else ""
    return f"{instance._meta.model_name}/{uuid.uuid4().hex}{kept}"


def sha256_of(file) -> str:
    """The SHA-256 of a file's content, read in chunks, hex-encoded."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(64 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
