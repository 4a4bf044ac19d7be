"""Corrections of a case's data: the new value replaces the old, which is kept with a reason."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import access, crypto
from samen.cases.actions.validation import check_birth_date, check_name, check_text
from samen.cases.models import Case, Correction, age_band_on
from samen.core.actions import action
from samen.core.errors import FieldErrors


def _current_value(case: Case, field: str) -> str:
    if field == Correction.Field.PURPOSE:
        return case.purpose
    value = getattr(case.person, field)
    return value.isoformat() if isinstance(value, datetime.date) else (value or "")


@action
def case_correct(*, by, case: Case, field: str, value: str, reason: str) -> Correction:
    """Correct the person's data or the purpose, keeping the previous value and the reason."""
    access.check_core_member(by)
    errors = FieldErrors()
    if field not in Correction.Field.values:
        errors.add("field", _("Choose what to correct."))
    check_text(errors, "reason", reason)
    new: object = value.strip()
    if field == Correction.Field.BIRTH_DATE and new:
        try:
            new = datetime.date.fromisoformat(str(new))
        except ValueError:
            errors.add("value", _("Give the date as YYYY-MM-DD."))
        else:
            check_birth_date(errors, "value", new)
    elif field == Correction.Field.NAME:
        check_name(errors, "value", str(new))
    elif field == Correction.Field.PURPOSE:
        check_text(errors, "value", str(new))
    else:
        check_text(errors, "value", str(new), required=False)
    errors.raise_if_any()
    previous = _current_value(case, field)
    if field == Correction.Field.PURPOSE:
        case.purpose = str(new)
        case.save(update_fields=["purpose"])
    else:
        person = case.person
        # An emptied date of birth is unknown (None); emptied text stays "".
        blank = None if field == Correction.Field.BIRTH_DATE else ""
        setattr(person, field, new or blank)
        if field == Correction.Field.NAME:
            person.name_index = crypto.name_index(str(new))
        person.save()
        if field == Correction.Field.BIRTH_DATE:
            case.age_band = age_band_on(person.birth_date, timezone.localdate(case.opened_at))
            case.save(update_fields=["age_band"])
    return Correction.objects.create(
        case=case,
        field=field,
        previous_value=previous,
        new_value=_current_value(case, field),
        reason=reason.strip(),
        corrected_by=by,
    )
