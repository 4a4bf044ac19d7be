"""Signing an assessment: the only write to assessments. A correction is a new one."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import access
from samen.cases.access.work import check_case_worker
from samen.cases.actions.work_rules import check_not_future, check_text
from samen.cases.models import DOMAINS, Assessment, Case
from samen.core.actions import action
from samen.core.errors import FieldErrors


@action
def assessment_sign(
    *,
    by,
    case: Case,
    assessed_on: datetime.date,
    narratives: dict[str, str],
    corrects: Assessment | None = None,
) -> Assessment:
    """Sign an assessment of `case` as `by`, who is named as its author.

    Every domain is a narrative; protective factors are required. Nothing is scored.
    """
    if by is None:
        raise ValidationError(_("A named member signs every assessment."))
    check_case_worker(by, case)
    errors = FieldErrors()
    if not case.is_open:
        errors.add("__all__", _("This case is closed."))
    for name, _label in DOMAINS:
        check_text(errors, name, narratives.get(name, ""), required=name == "protective_factors")
    unknown = set(narratives) - {name for name, _label in DOMAINS}
    if unknown:
        errors.add("__all__", _("Only the five domains are written down."))
    check_not_future(errors, "assessed_on", assessed_on, access.today())
    if corrects is not None and corrects.case_id != case.pk:
        errors.add("corrects", _("Choose an assessment of this case."))
    errors.raise_if_any()
    assessment = Assessment(
        case=case,
        assessed_on=assessed_on,
        signed_by=by,
        signed_at=timezone.now(),
        corrects=corrects,
        **{name: narratives.get(name, "").strip() for name, _label in DOMAINS},
    )
    assessment.save()
    return assessment
