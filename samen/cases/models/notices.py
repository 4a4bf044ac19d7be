"""Notices to the mayor and the data-protection officer of every change of who sits at the
table: shown on their home page, and mailed where mail is configured
(samen.cases.actions.notices)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track


class TableNotice(models.Model):
    """One change of a grant (seat, delegation, invitation), for one recipient. It names the
    grant's holder and who acted, never a case: the data-protection officer gets it too."""

    class Event(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")
        REFUSED = "refused", _("refused or withdrawn")
        ENDED = "ended", _("ended")
        RECERTIFIED = "recertified", _("re-confirmed")
        LAPSED = "lapsed", _("lapsed")

    class Grant(models.TextChoices):
        MAYOR = "mayor", _("mayor's seat")
        MAYOR_REPRESENTATIVE = "mayor_representative", _("seat of the mayor's representative")
        PREVENTION_OFFICIAL = "prevention_official", _("seat of the prevention official")
        POLICE = "police", _("police representative's seat")
        DELEGATION = "delegation", _("delegation of the case list")
        INVITATION = "invitation", _("invitation to a case")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_table_notices"
    )
    event = models.CharField(_("what happened"), max_length=16, choices=Event.choices)
    grant = models.CharField(_("grant"), max_length=24, choices=Grant.choices)
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    seen_at = models.DateTimeField(_("seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice of the table")
        verbose_name_plural = _("notices of the table")
        indexes = [models.Index(fields=["recipient", "created_at"])]

    def __str__(self) -> str:
        return f"{self.grant} {self.event}: {self.holder_id}"


track(TableNotice)
