"""The writes of the API platform: partner tokens issued and revoked, webhook subscriptions
made and ended."""

from __future__ import annotations

import datetime
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.api import signing_keys
from samen.api.access import check_may_manage_partners, own_organisations
from samen.api.events import is_event_kind
from samen.api.models import PartnerToken, WebhookSubscription
from samen.api.partners import PARTNER_PREFIX, key_digest, new_key
from samen.api.scopes import is_scope
from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.people.models import Organisation


def longest_validity() -> datetime.timedelta:
    return datetime.timedelta(days=settings.SAMEN_API_PARTNER_TOKEN_MAX_DAYS)


def check_grantee(errors: FieldErrors, *, by, organisation: Organisation) -> None:
    """Note why `by` may not grant `organisation` anything: an inactive organisation, or
    one of their own (nobody grants themselves access)."""
    if not organisation.is_active:
        errors.add("organisation", _("This organisation is no longer active."))
    elif own_organisations(by).filter(pk=organisation.pk).exists():
        errors.add(
            "organisation",
            _(
                "You belong to this organisation: another administrator must grant it access, "
                "so that nobody grants themselves access."
            ),
        )


@action
def partner_token_issue(
    *, by, organisation: Organisation, name: str, scopes: list[str], ends_on: datetime.date
) -> tuple[PartnerToken, str]:
    """Issue a token to a partner organisation; return it with its key (shown once only)."""
    check_may_manage_partners(by)
    errors = FieldErrors()
    check_grantee(errors, by=by, organisation=organisation)
    name = name.strip()
    if not name:
        errors.add("name", _("Give the token a name that says what it is for."))
    if not scopes:
        errors.add("scopes", _("Choose at least one scope."))
    unknown = [scope for scope in scopes if not is_scope(scope)]
    if unknown:
        errors.add("scopes", _("Unknown scope: %(scopes)s.") % {"scopes": ", ".join(unknown)})
    today = timezone.localdate()
    if ends_on < today:
        errors.add("ends_on", _("The end date has passed."))
    elif ends_on > today + longest_validity():
        errors.add(
            "ends_on",
            _("A partner token is valid for at most %(days)s days.")
            % {"days": settings.SAMEN_API_PARTNER_TOKEN_MAX_DAYS},
        )
    errors.raise_if_any()
    key = new_key()
    token = PartnerToken.objects.create(
        organisation=organisation,
        name=name,
        scopes=sorted(set(scopes)),
        ends_on=ends_on,
        digest=key_digest(key),
        hint=key[: len(PARTNER_PREFIX) + 4],
        issued_by=by,
    )
    return token, key


@action
def partner_token_revoke(*, by, token: PartnerToken) -> PartnerToken:
    """Revoke a partner token at once; revoking a revoked one changes nothing."""
    check_may_manage_partners(by)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.revoked_by = by
    token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def check_webhook_address(errors: FieldErrors, url: str) -> None:
    """Note what is wrong with a receiver's address: https only (http in debug mode)."""
    schemes = ["https", "http"] if settings.SAMEN_WEBHOOK_ALLOW_HTTP else ["https"]
    try:
        URLValidator(schemes=schemes)(url)
    except ValidationError:
        errors.add("url", _("Give the receiver's full address, starting with https://."))
        return
    if urlsplit(url).username is not None:
        errors.add("url", _("Leave names and passwords out of the address."))


@action
def webhook_subscription_create(
    *, by, organisation: Organisation, kind: str, url: str
) -> tuple[WebhookSubscription, str]:
    """Subscribe a partner's system to one kind of event; return it with its signing secret
    (shown once only)."""
    check_may_manage_partners(by)
    errors = FieldErrors()
    check_grantee(errors, by=by, organisation=organisation)
    if not is_event_kind(kind):
        errors.add("kind", _("Choose one of the events offered."))
    url = url.strip()
    check_webhook_address(errors, url)
    live = WebhookSubscription.objects.filter(ended_at__isnull=True)
    if live.filter(organisation=organisation, kind=kind).exists():
        errors.add(
            "kind", _("This organisation already hears of this event: end that subscription first.")
        )
    errors.raise_if_any()
    secret = secrets.token_hex(32)
    subscription = WebhookSubscription.objects.create(
        organisation=organisation,
        kind=kind,
        url=url,
        secret=signing_keys.encrypt(secret),
        created_by=by,
    )
    return subscription, secret


@action
def webhook_keys_rotate(*, by) -> int:
    """Re-encrypt every stored signing secret with the newest key in SAMEN_WEBHOOK_KEYS; the
    secrets themselves, and so the partners' checks, do not change."""
    rotated = 0
    for subscription in WebhookSubscription.objects.select_for_update():
        stored = signing_keys.rotate(subscription.secret)
        if stored != subscription.secret:
            subscription.secret = stored
            subscription.save(update_fields=["secret"])
            rotated += 1
    return rotated


@action
def webhook_subscription_end(*, by, subscription: WebhookSubscription) -> WebhookSubscription:
    """End a subscription: nothing more is sent to it, its log stays."""
    check_may_manage_partners(by)
    if subscription.ended_at is None:
        subscription.ended_at, subscription.ended_by = timezone.now(), by
        subscription.save(update_fields=["ended_at", "ended_by"])
    return subscription
