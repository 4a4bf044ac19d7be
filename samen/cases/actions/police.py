"""Recording that information went to or came from the police or the Local Task Force."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samen.cases import access
from samen.cases.access.work import case_members, check_case_worker
from samen.cases.actions.work_rules import check_not_future
from samen.cases.models import Case, PoliceExchange
from samen.cases.models.police import REFERENCE_MAX_LENGTH, reference_validator
from samen.core.actions import action
from samen.core.errors import FieldErrors


@action
def police_exchange_record(
    *,
    by,
    case: Case,
    exchanged_on: datetime.date,
    direction: str,
    counterpart: str,
    reference: str = "",
    exchanged_by=None,
) -> PoliceExchange:
    """Record the fact of an exchange (never its content) on `case`."""
    if by is not None:
        check_case_worker(by, case)
    errors = FieldErrors()
    if direction not in PoliceExchange.Direction.values:
        errors.add("direction", _("Choose given or received."))
    if counterpart not in PoliceExchange.Counterpart.values:
        errors.add("counterpart", _("Choose the police or the Local Task Force."))
    check_not_future(errors, "exchanged_on", exchanged_on, access.today())
    reference = reference.strip()
    if len(reference) > REFERENCE_MAX_LENGTH:
        errors.add(
            "reference",
            _("A reference has at most %(limit)s characters.") % {"limit": REFERENCE_MAX_LENGTH},
        )
    elif reference:
        try:
            reference_validator(reference)
        except ValidationError as error:
            errors.add("reference", *error.messages)
    person = exchanged_by or by
    if person is None:
        errors.add("exchanged_by", _("Say who gave or received the information."))
    elif not case_members(case).filter(pk=person.pk).exists():
        errors.add("exchanged_by", _("Choose a member of this case."))
    errors.raise_if_any()
    exchange = PoliceExchange(
        case=case,
        exchanged_on=exchanged_on,
        direction=direction,
        counterpart=counterpart,
        exchanged_by=person,
        reference=reference,
    )
    exchange.save()
    return exchange
