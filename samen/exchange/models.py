"""Exchanges between the city and partners at other policy levels, and circulars coming down.

An exchange is a request, a piece of information or a feedback between two organisations,
one of them the city's (the department or a district house), with its messages in order and
its attachments. A circular (or an alert) comes down from a federal, Flemish or Walloon partner
to chosen districts, teams or roles; its recipients are fixed when it is sent.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track
from samen.exchange.files import exchange_files, stored_name


class Exchange(models.Model):
    class Kind(models.TextChoices):
        REQUEST = "request", _("request")
        INFORMATION = "information", _("information")
        FEEDBACK = "feedback", _("feedback")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ANSWERED = "answered", _("answered")
        CLOSED_NO_ANSWER = "closed_no_answer", _("closed without answer")
        WITHDRAWN = "withdrawn", _("withdrawn")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    from_organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("from organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_district = models.ForeignKey(
        "places.Place",
        verbose_name=_("from district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("to organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_district = models.ForeignKey(
        "places.Place",
        verbose_name=_("to district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("answer due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    # References to the records it is about ("signal:12", "initiative:3", ...), each resolved
    # per reader through samen.core.follow_ups.
    references = models.JSONField(_("about"), default=list, blank=True)
    # A person, or (null) a partner organisation's system through its API token.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner_token = models.ForeignKey(
        "api.PartnerToken",
        verbose_name=_("sent through the partner token"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.subject

    def is_overdue(self, today: datetime.date) -> bool:
        """Waiting for an answer past its due date."""
        return self.status == self.Status.OPEN and self.due_on is not None and self.due_on < today


class Message(models.Model):
    """One message of an exchange, numbered in the order written."""

    class Side(models.TextChoices):
        SENDER = "sender", _("sender")
        RECEIVER = "receiver", _("receiver")

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="messages")
    number = models.PositiveIntegerField(_("number"))
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)
    is_answer = models.BooleanField(_("answer"), default=False)
    # A person, or (null) a partner organisation's system through its API token.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    partner_token = models.ForeignKey(
        "api.PartnerToken",
        verbose_name=_("written through the partner token"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["exchange", "number"]
        constraints = [
            models.UniqueConstraint(fields=["exchange", "number"], name="one_message_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.exchange_id}#{self.number}"


class Attachment(models.Model):
    """A PDF or ODT document added to an exchange, stored privately under a random name."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=exchange_files, upload_to=stored_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Circular(models.Model):
    """A circular or an alert from a partner at another level, to chosen districts, teams or
    roles of the city."""

    class Kind(models.TextChoices):
        CIRCULAR = "circular", _("circular")
        ALERT = "alert", _("alert")

    class ThreatLevel(models.IntegerChoices):
        LOW = 1, _("1 – low")
        MEDIUM = 2, _("2 – medium")
        SERIOUS = 3, _("3 – serious")
        VERY_SERIOUS = 4, _("4 – very serious")

    sender_organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("from organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Set when the department records it for a partner at another level.
    on_behalf_of = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    threat_level = models.PositiveSmallIntegerField(
        _("new national threat level"), null=True, blank=True, choices=ThreatLevel.choices
    )
    districts = models.ManyToManyField(
        "places.Place", verbose_name=_("districts"), blank=True, related_name="+"
    )
    teams = models.ManyToManyField(
        "people.Team", verbose_name=_("teams"), blank=True, related_name="+"
    )
    roles = models.JSONField(_("roles"), default=list, blank=True)
    read_reminder_hours = models.PositiveIntegerField(_("show who has not read it after (hours)"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("circular")
        verbose_name_plural = _("circulars")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def issuer(self):
        """The organisation the circular speaks for."""
        return self.on_behalf_of or self.sender_organisation

    @property
    def reminder_due_at(self) -> datetime.datetime:
        return self.sent_at + datetime.timedelta(hours=self.read_reminder_hours)


class CircularRecipient(models.Model):
    """A person a circular was sent to, fixed when it was sent, and when they read it."""

    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="recipients")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circulars_received"
    )
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("circular recipient")
        verbose_name_plural = _("circular recipients")
        ordering = ["circular", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["circular", "person"], name="one_recipient_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.circular_id} → {self.person_id}"


track(Exchange, exclude=("updated_at",))
track(Message)
track(Attachment, fingerprinted=("file",))
track(Circular, m2m=("districts", "teams"))
track(CircularRecipient)
