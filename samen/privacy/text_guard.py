"""The text guard: free text outside the case consultation names no case and no person.

Every module's actions call `check_text` on the free text they store (a signal's description,
a community's notes, a restore plan's goal), so that the web forms, the API and the imports
refuse it before anything is written.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samen.privacy.case_references import check_no_case_reference
from samen.privacy.identifiers import KIND_LABELS, find_personal_data


class PersonalDataError(ValidationError):
    """The text names people: `findings` say where (kind, start, end)."""

    def __init__(self, field: str, findings):
        self.field = field
        self.findings = findings
        kinds = ", ".join(sorted({str(KIND_LABELS[f.kind]) for f in findings}))
        quoted = ", ".join(f"“{f.text}”" for f in findings)
        super().__init__(
            {
                field: _(
                    "Describe the situation without personal identifiers. Remove: %(found)s "
                    "(%(kinds)s)."
                )
                % {"found": quoted, "kinds": kinds}
            }
        )


def check_text(field: str, text: str) -> None:
    """Refuse text that carries a case reference (the purpose lock) or personal identifiers."""
    check_no_case_reference(field, text)
    findings = find_personal_data(text)
    if findings:
        raise PersonalDataError(field, findings)
