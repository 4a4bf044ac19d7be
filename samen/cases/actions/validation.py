"""Checks shared by the case actions: each adds a clear message per field, none writes."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import crypto
from samen.core.errors import FieldErrors

MAX_TEXT = 4000


def today() -> datetime.date:
    return timezone.localdate()


def check_text(errors: FieldErrors, field: str, text: str, *, required: bool = True) -> None:
    if required and not text.strip():
        errors.add(field, _("Fill in this field."))
    elif len(text) > MAX_TEXT:
        errors.add(field, _("Keep this under 4,000 characters."))


def check_name(errors: FieldErrors, field: str, name: str) -> None:
    if not crypto.normalise_name(name):
        errors.add(field, _("Give the person's name."))
    elif len(name) > 200:
        errors.add(field, _("Keep the name under 200 characters."))


def check_birth_date(errors: FieldErrors, field: str, birth_date: datetime.date | None) -> None:
    if birth_date is not None and not (datetime.date(1900, 1, 1) <= birth_date <= today()):
        errors.add(field, _("Give a date of birth in the past."))


def check_identity(errors: FieldErrors, name: str, birth_date: datetime.date | None) -> None:
    check_name(errors, "name", name)
    check_birth_date(errors, "birth_date", birth_date)
