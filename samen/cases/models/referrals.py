"""Referrals: a request to the mayor (or a delegate) to open a case about a person."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.cases.fields import EncryptedDateField, EncryptedTextField
from samen.cases.models.cases import Case, ExtremismType


class Referral(models.Model):
    """What a member or partner professional asks the consultation to look at.

    The one who refers learns nothing back about existing cases; only the mayor and their
    delegates see referrals, with a hint when the name matches a known person.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        ACCEPTED = "accepted", _("accepted: a case was opened")
        REJECTED = "rejected", _("rejected")

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    name = EncryptedTextField(_("name of the person"))
    birth_date = EncryptedDateField(_("date of birth"), null=True, blank=True)
    address = EncryptedTextField(_("address"), blank=True)
    name_index = models.CharField(max_length=64, db_index=True, editable=False)
    reason = EncryptedTextField(_("reason for the referral"))
    extremism_type = models.CharField(
        _("extremism type"), max_length=16, choices=ExtremismType.choices
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    rejection_reason = EncryptedTextField(_("reason for rejecting"), blank=True)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk}"


track(
    Referral,
    sensitive=("name", "birth_date", "address", "name_index", "reason", "rejection_reason"),
    confidential=True,
)
