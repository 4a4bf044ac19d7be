"""Validation shared by the case-work actions: collect every problem, then refuse at once."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from samen.core.errors import FieldErrors

# Minutes and narratives are longer than a case's own short texts, but bounded.
MAX_NARRATIVE = 10_000
MAX_SHORT = 2_000


def check_text(
    errors: FieldErrors, field: str, text: str, *, required: bool = True, limit: int = MAX_NARRATIVE
) -> None:
    if required and not text.strip():
        errors.add(field, _("Fill in this field."))
    elif len(text) > limit:
        errors.add(field, _("Keep this under %(limit)s characters.") % {"limit": f"{limit:,}"})


def check_not_future(
    errors: FieldErrors, field: str, day: datetime.date, today: datetime.date
) -> None:
    if day > today:
        errors.add(field, _("Choose a date that is not in the future."))
