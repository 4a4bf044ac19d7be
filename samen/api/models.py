"""Partner organisations' API tokens, and the webhooks that tell partners' systems of events."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.registry import track


class PartnerTokenQuerySet(models.QuerySet):
    def live(self, today: datetime.date | None = None) -> PartnerTokenQuerySet:
        """Tokens that authenticate today: not revoked, not past their end date, of an
        active organisation."""
        today = today or timezone.localdate()
        return self.filter(
            revoked_at__isnull=True, ends_on__gte=today, organisation__is_active=True
        )


class PartnerToken(models.Model):
    """An API token for a partner organisation, with scopes and an end date.

    Only a digest of the key is stored; the key is shown once, when issued.
    """

    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partner_tokens",
    )
    name = models.CharField(_("name"), max_length=120)
    scopes = models.JSONField(_("scopes"), default=list)
    ends_on = models.DateField(_("valid until"))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("starts with"), max_length=24, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    objects = PartnerTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner token")
        verbose_name_plural = _("partner tokens")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.name}"

    def holds(self, scope: str) -> bool:
        return scope in self.scopes


track(PartnerToken, sensitive=("digest",))
