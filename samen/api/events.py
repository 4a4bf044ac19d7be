"""Events a partner organisation's system can hear of through a webhook.

Modules name the kinds of event they publish with `add_event_kind(code, label)`, and publish
one with `publish_event(kind, payload)` inside their action's transaction: a delivery per
subscription is written there, and queued for the task worker only when the transaction
commits, so a rolled-back action sends nothing and no request waits for a receiver. The
payload must say nothing about a person, and counts in it are suppressed as published
counts are (samen.privacy.small_cells): it leaves Samen.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise

from samen.api.models import WebhookDelivery, WebhookSubscription
from samen.api.tasks import queue_delivery
from samen.people.models import Organisation


@dataclass(frozen=True)
class EventKind:
    code: str
    label: str | Promise


_KINDS: dict[str, EventKind] = {}


def add_event_kind(code: str, label: str | Promise) -> str:
    """Register a kind of event partners may subscribe to; return its code."""
    _KINDS[code] = EventKind(code, label)
    return code


def event_kinds() -> list[EventKind]:
    return list(_KINDS.values())


def is_event_kind(code: str) -> bool:
    return code in _KINDS


def publish_event(
    kind: str,
    payload: dict,
    organisations: Iterable[Organisation] | None = None,
    *,
    key: str = "",
) -> uuid.UUID:
    """Send `payload` to every live subscription to `kind` (of `organisations` only, if given).

    Call it inside the action's transaction. With a `key` naming the event (a district and
    week, say), a subscription that was already sent that event is not sent it again.
    """
    if not is_event_kind(kind):
        raise ValueError(f"{kind!r} is not an event kind (samen.api.events.add_event_kind).")
    subscriptions = WebhookSubscription.objects.filter(
        kind=kind, ended_at__isnull=True, organisation__is_active=True
    )
    if organisations is not None:
        subscriptions = subscriptions.filter(organisation__in=list(organisations))
    if key:
        subscriptions = subscriptions.exclude(deliveries__event_key=key)
    event_id, now = uuid.uuid4(), timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            subscription=subscription,
            event_id=event_id,
            event_key=key,
            kind=kind,
            payload=payload,
            created_at=now,
        )
        for subscription in subscriptions
    )
    if deliveries:
        transaction.on_commit(lambda: [queue_delivery(delivery) for delivery in deliveries])
    return event_id
