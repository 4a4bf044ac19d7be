"""Checks shared by the case actions: each adds a clear message per field, none writes."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import crypto

MAX_TEXT = 4000


def today() -> datetime.date:
    return timezone.localdate()


def require(errors: dict[str, list[str]]) -> None:
    """Refuse with every collected message, before anything was written."""
    if errors:
        raise ValidationError(errors)


def check_text(errors: dict, field: str, text: str, *, required: bool = True) -> None:
    if required and not text.strip():
        errors.setdefault(field, []).append(_("Fill in this field."))
    elif len(text) > MAX_TEXT:
        errors.setdefault(field, []).append(_("Keep this under 4,000 characters."))


def check_name(errors: dict, field: str, name: str) -> None:
    if not crypto.normalise_name(name):
        errors.setdefault(field, []).append(_("Give the person's name."))
    elif len(name) > 200:
        errors.setdefault(field, []).append(_("Keep the name under 200 characters."))


def check_birth_date(errors: dict, field: str, birth_date: datetime.date | None) -> None:
    if birth_date is not None and not (datetime.date(1900, 1, 1) <= birth_date <= today()):
        errors.setdefault(field, []).append(_("Give a date of birth in the past."))


def check_identity(errors: dict, name: str, birth_date: datetime.date | None) -> None:
    check_name(errors, "name", name)
    check_birth_date(errors, "birth_date", birth_date)
