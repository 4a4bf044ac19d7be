"""Structured professional judgement: a dated narrative per domain, signed by a named member.

There is deliberately no score, total, level or recommendation anywhere in this model: the
judgement is the professionals' (DOMAIN.md rule 6, GDPR art. 22). A signed assessment never
changes; a correction is a new assessment that names the one it corrects.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.cases.fields import EncryptedTextField
from samen.cases.models.cases import Case

# The domains in the order the page shows them: (field name, label).
DOMAINS = (
    ("beliefs", _("Beliefs and attitudes")),
    ("social_context", _("Social context and intention")),
    ("history", _("History and capacity")),
    ("commitment", _("Commitment and motivation")),
    ("protective_factors", _("Protective factors")),
)


class SignedAssessmentError(Exception):
    """A signed assessment was about to be changed: write a correcting one instead."""


class Assessment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("date of the assessment"))
    beliefs = EncryptedTextField(_("beliefs and attitudes"), blank=True)
    social_context = EncryptedTextField(_("social context and intention"), blank=True)
    history = EncryptedTextField(_("history and capacity"), blank=True)
    commitment = EncryptedTextField(_("commitment and motivation"), blank=True)
    protective_factors = EncryptedTextField(_("protective factors"))
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed"))
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="corrections",
    )

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_on", "-signed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.assessed_on.isoformat()}"

    def save(self, *args, **kwargs) -> None:
        # Signing happens on creation; any later save would change a signed text.
        if self.pk is not None:
            raise SignedAssessmentError("A signed assessment cannot change.")
        super().save(*args, **kwargs)


track(Assessment, sensitive=tuple(name for name, _label in DOMAINS))
