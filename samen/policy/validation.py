"""The checks the policy actions share: free text, dates, codes from a fixed list, money."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samen.core.categories import signal_category_names
from samen.core.errors import FieldErrors
from samen.people.models import PolicyLevel
from samen.policy.models import ExtremismType, LifeDomain
from samen.privacy.text_guard import check_text

LONGEST_BUDGET = Decimal("999999999.99")


def text(errors: FieldErrors, field: str, value: str, *, longest: int, required=None) -> str:
    """The text stripped; a message when it is missing (`required` says what to give), too
    long, or names a person or a case (the text guard)."""
    value = (value or "").strip()
    if not value:
        if required:
            errors.add(field, required)
        return value
    if len(value) > longest:
        errors.add(field, _("Keep it under %(count)s characters.") % {"count": f"{longest:,}"})
        return value
    try:
        check_text(field, value)
    except ValidationError as refused:
        errors.add(field, *refused.messages)
    return value


def period(errors: FieldErrors, start_field: str, start, end_field: str, end) -> None:
    """An end, when given, does not come before its start."""
    if start and end and end < start:
        errors.add(end_field, _("The end cannot come before the start."))


def codes(errors: FieldErrors, field: str, values, allowed) -> list[str]:
    """The chosen codes, each once and in the list's order; a message for an unknown one."""
    values = list(dict.fromkeys(values or []))
    unknown = [value for value in values if value not in allowed]
    if unknown:
        errors.add(
            field, _("Choose from the list; not known: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return values


def life_domains(errors: FieldErrors, values) -> list[str]:
    return codes(errors, "life_domains", values, LifeDomain.values)


def extremism_types(errors: FieldErrors, values) -> list[str]:
    return codes(errors, "extremism_types", values, ExtremismType.values)


def signal_categories(errors: FieldErrors, values) -> list[str]:
    return codes(errors, "signal_categories", values, signal_category_names())


def policy_level(errors: FieldErrors, field: str, value: str, *, required: bool) -> str:
    if not value:
        if required:
            errors.add(field, _("Choose a policy level."))
        return ""
    if value not in PolicyLevel.values:
        errors.add(field, _("Choose a policy level from the list."))
    return value


def choice(errors: FieldErrors, field: str, value: str, choices) -> str:
    if value not in choices.values:
        errors.add(field, _("Choose from the list."))
    return value


def organisation(errors: FieldErrors, field: str, value) -> None:
    if value is None:
        errors.add(field, _("Choose the organisation that owns it."))
    elif not value.is_active:
        errors.add(field, _("This organisation is no longer active."))


def money(errors: FieldErrors, field: str, value) -> Decimal:
    """An amount in euro, 0 or more, with at most two decimals."""
    if value is None or value == "":
        return Decimal(0)
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        errors.add(field, _("Give an amount in euro."))
        return Decimal(0)
    if not amount.is_finite() or amount < 0:
        errors.add(field, _("An amount cannot be negative."))
    elif amount > LONGEST_BUDGET or amount != amount.quantize(Decimal("0.01")):
        errors.add(field, _("Give an amount in euro with at most two decimals."))
    return amount


def percentage(errors: FieldErrors, field: str, value) -> int:
    if value is None or isinstance(value, bool) or not isinstance(value, int):
        errors.add(field, _("Give a whole percentage from 0 to 100."))
        return 0
    if not 0 <= value <= 100:
        errors.add(field, _("Progress lies between 0 and 100%."))
    return value


def not_after_today(errors: FieldErrors, field: str, day: datetime.date | None, today) -> None:
    if day is None:
        errors.add(field, _("Give a date."))
    elif day > today:
        errors.add(field, _("This date cannot lie in the future."))


def places_kind(errors: FieldErrors, field: str, places, kinds: tuple[str, ...]) -> None:
    if any(place.kind not in kinds for place in places):
        errors.add(field, _("Choose districts or neighbourhoods of the city."))
