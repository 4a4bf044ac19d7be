"""Validation shared by the case-work actions: collect every problem, then refuse at once."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from samen.cases.actions.validation import require  # noqa: F401 (one refusal for all case actions)

# Minutes and narratives are longer than the core's short texts, but bounded.
MAX_NARRATIVE = 10_000
MAX_SHORT = 2_000

Errors = dict[str, list[str]]


def check_text(
    errors: Errors, field: str, text: str, *, required: bool = True, limit: int = MAX_NARRATIVE
) -> None:
    if required and not text.strip():
        errors.setdefault(field, []).append(_("Fill in this field."))
    elif len(text) > limit:
        errors.setdefault(field, []).append(
            _("Keep this under %(limit)s characters.") % {"limit": f"{limit:,}"}
        )


def check_not_future(errors: Errors, field: str, day: datetime.date, today: datetime.date) -> None:
    if day > today:
        errors.setdefault(field, []).append(_("Choose a date that is not in the future."))
