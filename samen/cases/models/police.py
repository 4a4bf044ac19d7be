"""That information went to or came from the police or the Local Task Force.

Police data stays police data (DOMAIN.md rule 5): this model records the fact of an exchange
only. It has, on purpose, no field for what was said; at most a short reference number under
which the police or the LTF can find it in their own files.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.cases.models.cases import Case

REFERENCE_MAX_LENGTH = 24
# Letters, digits and separators, with at least one digit and no spaces: a file number
# (PV AN.12.L1.012345/26, LTF-2026-017) fits, a sentence does not.
reference_validator = RegexValidator(
    r"^(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9./_-]*$",
    message=_(
        "A reference is a short number (letters, digits, . / - _, no spaces), never content."
    ),
)


class PoliceExchange(models.Model):
    class Direction(models.TextChoices):
        GIVEN = "given", _("given to")
        RECEIVED = "received", _("received from")

    class Counterpart(models.TextChoices):
        POLICE = "police", _("the police")
        LTF = "ltf", _("the Local Task Force")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="police_exchanges")
    exchanged_on = models.DateField(_("date"))
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    counterpart = models.CharField(_("counterpart"), max_length=8, choices=Counterpart.choices)
    exchanged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reference = models.CharField(
        _("reference number"),
        max_length=REFERENCE_MAX_LENGTH,
        blank=True,
        validators=[reference_validator],
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("police information exchange")
        verbose_name_plural = _("police information exchanges")
        ordering = ["-exchanged_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.exchanged_on.isoformat()}"


track(PoliceExchange, sensitive=("reference",))
