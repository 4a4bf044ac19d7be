"""The city's yearly report to other policy levels, kept as it was signed off and sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track


class LevelReport(models.Model):
    """One year's figures for the federal, regional and other partners: drawn from the
    registered sections (samen.core.level_reports), frozen at sign-off, sent as frozen.

    `content` is the report as JSON (the shape of the API's LevelReport schema); its SHA-256
    (`content_sha256`, of the canonical JSON) is taken when drawn and checked at sign-off and
    sending, so what was signed is what leaves.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SIGNED_OFF = "signed_off", _("signed off")
        SENT = "sent", _("sent")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    content = models.JSONField(_("content"), default=dict)
    content_sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    drawn_at = models.DateTimeField(_("drawn"))
    # None: drawn by Samen on its schedule.
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    recipients = models.ManyToManyField(
        "people.Organisation", verbose_name=_("sent to"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report to other levels")
        verbose_name_plural = _("reports to other levels")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(_("Report %(year)s to other policy levels") % {"year": self.year})


track(LevelReport, fingerprinted=("content",), m2m=("recipients",))
