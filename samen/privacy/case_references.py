"""The identifiers the case consultation hands out, and how to spot them in free text.

The purpose lock (law of 30 July 2018) keeps case information inside the case consultation.
Its identifiers are the case reference (``LIVC-2026-K7QW3M``; cases opened before the random
references were numbered, ``LIVC-2026-0001``) and the addresses of its pages (``/cases/12/``,
``/cases/referrals/3/``, ``/api/cases/12/``). The case consultation writes its references
with ``case_reference`` and every other module refuses text that carries one; the pattern
lives in the platform, so nobody outside ``samen.cases`` has to import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CASE_REFERENCE = "case_reference"
CASE_REFERENCE_LABEL = gettext_lazy("case consultation reference")

CASE_REFERENCE_PREFIX = "LIVC"
# Random, from letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, U).
CASE_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CASE_REFERENCE_LENGTH = 6
# Where samen/urls.py mounts the case consultation's pages and API.
CASE_URL_PREFIXES = ("/cases/", "/api/cases/")

__all__ = [
    "CASE_REFERENCE",
    "CASE_REFERENCE_LABEL",
    "CASE_REFERENCE_ALPHABET",
    "CASE_REFERENCE_LENGTH",
    "CASE_REFERENCE_PREFIX",
    "CASE_URL_PREFIXES",
    "CaseReferenceError",
    "Found",
    "case_reference_message",
    "check_no_case_reference",
    "case_reference",
    "find_case_references",
]


def case_reference(year: int, code: str) -> str:
    """Write the reference of a case opened in `year` with its random `code`."""
    return f"{CASE_REFERENCE_PREFIX}-{year}-{code}"


@dataclass(frozen=True)
class Found:
    """One case identifier in a text (``end`` exclusive)."""

    start: int
    end: int
    text: str


# Hyphens and dashes a phone's keyboard or a word processor may put in, dots, slashes,
# underscores and spaces; or nothing at all ("LIVC2026K7QW3M").
_SEP = r"[-\u2010-\u2015\u2212._/\s]?"
_CASE_REFERENCE = re.compile(
    rf"(?<![0-9a-z]){CASE_REFERENCE_PREFIX}{_SEP}(?:19|20)[0-9]{{2}}(?P<sep>{_SEP})"
    r"(?P<code>[0-9a-z]{4,6})(?![0-9a-z])",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9]")
# A link to a case page, with or without the scheme and host it was copied with.
_CASE_URL = re.compile(
    r"(?<![\w/.:-])(?:(?:https?://)?[\w-]+(?:\.[\w-]+)*(?::[0-9]+)?)?"
    r"/(?:api/)?cases/(?:[a-z-]+/)*[0-9]+(?![0-9])/?",
    re.IGNORECASE,
)


def _plausible(match: re.Match) -> bool:
    """Whether a would-be reference is one, rather than "LIVC 2026 werden" in a sentence.

    Joined by a dash, dot or nothing, the code is taken as it is. After a space it must hold a
    digit or be written in capitals, as references are: ordinary words there are lower case.
    """
    code = match["code"]
    if not match["sep"].isspace():
        return True
    return bool(_DIGIT.search(code)) or code.isupper()


# What every identifier holds: an import checks a million rows, nearly all without it.
_MAY_HOLD_ANY = re.compile(rf"{CASE_REFERENCE_PREFIX}|cases/", re.IGNORECASE)


def find_case_references(text: str) -> list[Found]:
    """Find every case reference and case consultation address in `text`, in order."""
    if not _MAY_HOLD_ANY.search(text):
        return []
    found = [
        Found(m.start(), m.end(), m.group())
        for m in _CASE_REFERENCE.finditer(text)
        if _plausible(m)
    ]
    found += [Found(m.start(), m.end(), m.group()) for m in _CASE_URL.finditer(text)]
    return sorted(found, key=lambda f: f.start)


def case_reference_message(found: list[Found]) -> str:
    """Say, in the reader's language, why the text is refused and what to take out."""
    return _(
        "Information from the case consultation may only be used inside it. Remove: %(found)s."
    ) % {"found": ", ".join(f"“{f.text}”" for f in found)}


class CaseReferenceError(ValidationError):
    """The text names something of the case consultation: `found` says what and where."""

    def __init__(self, field: str, found: list[Found]):
        self.field = field
        self.found = found
        super().__init__({field: case_reference_message(found)})


def check_no_case_reference(field: str, text: str) -> None:
    """Refuse text that carries a case reference or a link into the case consultation.

    Security-critical: the purpose lock. Every free-text field outside ``samen.cases`` goes
    through this (the text guard, samen.privacy.text_guard, calls it first), in the action, so
    the web forms, the API and the CSV import all refuse it before anything is stored.
    """
    found = find_case_references(text)
    if found:
        raise CaseReferenceError(field, found)
