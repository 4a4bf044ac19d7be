"""Notifications, each person's choice of delivery per kind, and the outbox of e-mails."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.notifications.kinds import get_kind


class Delivery(models.TextChoices):
    OFF = "off", _("In Samen only, no e-mail")
    IMMEDIATELY = "immediately", _("An e-mail at once")
    DAILY = "daily", _("A daily e-mail digest")
    WEEKLY = "weekly", _("A weekly e-mail digest")


class Mail(models.Model):
    """One e-mail to one person: a single notification at once, or a digest of a period.

    At most one per person, frequency and period (a day, an ISO week, or the notification an
    immediate e-mail carries), so building a digest twice never sends it twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_mails",
        verbose_name=_("recipient"),
    )
    frequency = models.CharField(_("frequency"), max_length=16, choices=Delivery.choices)
    period = models.CharField(_("period"), max_length=32)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification e-mail")
        verbose_name_plural = _("notification e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "frequency", "period"], name="one_mail_per_person_period"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} {self.period}"


class Notification(models.Model):
    """Something that waits for one person, shown in their notification centre."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    # Language-neutral values only: the text is rendered in the reader's language.
    params = models.JSONField(_("details"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=300)
    key = models.CharField(_("key"), max_length=200, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    mailed = models.ForeignKey(
        Mail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("e-mail"),
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "key"],
                condition=~Q(key=""),
                name="one_notification_per_key",
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-created"]),
        ]

    def __str__(self) -> str:
        return self.kind

    @property
    def text(self) -> str:
        """What it says, in the active language (generic for a confidential kind)."""
        kind = get_kind(self.kind)
        return kind.render(self.params) if kind else str(_("A notification"))

    @property
    def label(self) -> str:
        kind = get_kind(self.kind)
        return str(kind.label) if kind else str(_("A notification"))


class Preference(models.Model):
    """How one person wants one kind delivered; without a row, the kind's default."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.delivery}"


# Who chose what is accountable; each e-mail's sending (status, Message-ID) is logged.
# Notifications themselves are not followed: their reads would fill the trail with noise.
track(Preference)
track(Mail, exclude=("next_attempt_at",))
