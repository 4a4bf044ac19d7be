"""Partner organisations' API tokens, and the webhooks that tell partners' systems of events."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.api import signing_keys
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


class WebhookSubscription(models.Model):
    """A partner organisation's system that wants to hear of one kind of event.

    The secret signs every delivery (samen.api.webhooks); it is shown once, when created,
    and kept because signing needs it: encrypted, with keys apart from SECRET_KEY
    (samen.api.signing_keys).
    """

    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="webhook_subscriptions",
    )
    kind = models.CharField(_("event"), max_length=60)
    url = models.URLField(_("address"), max_length=500)
    # The signing secret, Fernet-encrypted (samen.api.signing_keys); `signing_secret()` reads it.
    secret = models.CharField(max_length=255, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True, editable=False)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"],
                condition=models.Q(ended_at__isnull=True),
                name="one_live_webhook_per_organisation_and_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.kind}"

    def signing_secret(self) -> str:
        """The secret deliveries are signed with, decrypted."""
        return signing_keys.decrypt(self.secret)


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one subscription: the delivery log."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.PROTECT, related_name="deliveries"
    )
    event_id = models.UUIDField(_("event"), db_index=True)
    # Set when the publisher names the event (an early warning's district and week), so that
    # it is sent once however often it is published.
    event_key = models.CharField(max_length=200, blank=True, db_index=True)
    kind = models.CharField(_("event kind"), max_length=60)
    payload = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_code = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.event_id} → {self.subscription_id}"


track(WebhookSubscription, sensitive=("secret",))
