"""A case of the consultation, the person it is about, and the professionals invited to it.

Purpose lock: nothing outside samen.cases imports these models. The person's identifying
data is encrypted at rest (samen.cases.fields) and found by name only through the blind index.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.cases.fields import EncryptedDateField, EncryptedTextField
from samen.cases.models.table import Grant


class ExtremismType(models.TextChoices):
    RIGHT_WING = "right_wing", _("right-wing extremism")
    LEFT_WING = "left_wing", _("left-wing extremism")
    ISLAMIST = "islamist", _("Islamist extremism")
    ANIMAL_RIGHTS = "animal_rights", _("animal-rights extremism")
    OTHER = "other", _("other or unclear")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("under 18")
    FROM_18_TO_25 = "18_25", _("18 to 25")
    FROM_26_TO_35 = "26_35", _("26 to 35")
    OVER_35 = "over_35", _("over 35")
    UNKNOWN = "unknown", _("unknown")


def age_band_on(birth_date: datetime.date | None, day: datetime.date) -> str:
    """The age band of someone born on `birth_date`, on `day` (counts only keep the band)."""
    if birth_date is None:
        return AgeBand.UNKNOWN
    age = day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
    if age < 18:
        return AgeBand.UNDER_18
    if age <= 25:
        return AgeBand.FROM_18_TO_25
    if age <= 35:
        return AgeBand.FROM_26_TO_35
    return AgeBand.OVER_35


class CaseQuerySet(models.QuerySet):
    def live(self) -> CaseQuerySet:
        """Cases that still hold their content (anonymised ones only feed the counts)."""
        return self.filter(anonymised_at__isnull=True)


class Case(models.Model):
    """One person's case at the consultation. Its str() is its reference and nothing else, so
    that the audit trail and every log can name it without naming the person."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    purpose = EncryptedTextField(
        _("purpose"),
        help_text=_("Why this case is discussed: the prevention of violent extremism it serves."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    extremism_type = models.CharField(
        _("extremism type"), max_length=16, choices=ExtremismType.choices
    )
    age_band = models.CharField(
        _("age band"), max_length=8, choices=AgeBand.choices, default=AgeBand.UNKNOWN
    )
    review_on = models.DateField(_("review date"))
    opened_at = models.DateTimeField(_("opened"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closure_reason = EncryptedTextField(_("reason for closing"), blank=True)
    # Its column from when it was "follow-up was needed" (migration 0008_aftercare).
    aftercare_needed = models.BooleanField(
        _("aftercare was needed"), default=True, db_column="follow_up_needed"
    )
    retain_until = models.DateField(_("kept until"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["anonymised_at", "status"]),
            models.Index(fields=["retain_until"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class CasePerson(models.Model):
    """The person a case is about: identifying data encrypted, the name findable by index."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="person")
    name = EncryptedTextField(_("name"))
    birth_date = EncryptedDateField(_("date of birth"), null=True, blank=True)
    address = EncryptedTextField(_("address"), blank=True)
    name_index = models.CharField(max_length=64, db_index=True, editable=False)

    class Meta:
        verbose_name = _("person of a case")
        verbose_name_plural = _("persons of cases")

    def __str__(self) -> str:
        return f"{self.case_id}"


class Invitation(Grant):
    """A professional invited to one case, until an end date after which access ends by itself.

    A core member proposes it (`invited_by`); it opens the case once the mayor or a delegate
    confirms it (see Grant)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        related_name="case_invitations",
    )
    ends_on = models.DateField(_("access until"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ended early"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation to a case")
        verbose_name_plural = _("invitations to cases")
        indexes = [models.Index(fields=["user", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.user_id}"

    @property
    def holder(self):
        return self.user

    def is_current(self, today: datetime.date) -> bool:
        return self.revoked_at is None and self.ends_on >= today and self.is_confirmed_on(today)


class Correction(models.Model):
    """A correction of a case's data, keeping the previous value (encrypted) and the reason."""

    class Field(models.TextChoices):
        NAME = "name", _("name")
        BIRTH_DATE = "birth_date", _("date of birth")
        ADDRESS = "address", _("address")
        PURPOSE = "purpose", _("purpose")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(_("field"), max_length=16, choices=Field.choices)
    previous_value = EncryptedTextField(_("previous value"), blank=True)
    new_value = EncryptedTextField(_("new value"), blank=True)
    reason = EncryptedTextField(_("reason"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    corrected_at = models.DateTimeField(_("corrected"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-corrected_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.field}"


# The trail names cases by reference; personal and narrative fields appear only as redacted.
track(Case, sensitive=("purpose", "closure_reason"), confidential=True)
track(CasePerson, sensitive=("name", "birth_date", "address", "name_index"))
track(Invitation)
track(Correction, sensitive=("previous_value", "new_value", "reason"))
