"""What the exchange module tells partners' systems through their webhooks (samen.api.events).

An organisation's system hears that an exchange arrived for it, and that an exchange it sent
was answered. The event names the exchange and where to read it through the API; it never
carries a message: the receiver fetches that with its own token (scope exchanges:write), so
what leaves Samen is what that token may read anyway. The side that wrote is never the side
told: an exchange is opened from one organisation and answered by the other.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy

from samen.api.events import add_event_kind, publish_event
from samen.exchange.models import Exchange

RECEIVED = add_event_kind("exchange.received", gettext_lazy("exchange received"))
ANSWERED = add_event_kind("exchange.answered", gettext_lazy("exchange answered"))


def _payload(exchange: Exchange) -> dict:
    path = reverse("exchange_api:exchange", args=[exchange.pk])
    return {
        "exchange": exchange.pk,
        "kind": exchange.kind,
        "subject": exchange.subject,
        "status": exchange.status,
        "from_organisation": exchange.from_organisation.name,
        "to_organisation": exchange.to_organisation.name,
        "due_on": exchange.due_on.isoformat() if exchange.due_on else None,
        "answered_at": exchange.answered_at.isoformat() if exchange.answered_at else None,
        "url": settings.SAMEN_BASE_URL.rstrip("/") + path,
    }


def publish_received(exchange: Exchange) -> None:
    """Tell the receiving organisation's system, once per exchange."""
    publish_event(
        RECEIVED,
        _payload(exchange),
        [exchange.to_organisation],
        key=f"{RECEIVED}:{exchange.pk}",
    )


def publish_answered(exchange: Exchange) -> None:
    """Tell the sending organisation's system its question was answered, once."""
    publish_event(
        ANSWERED,
        _payload(exchange),
        [exchange.from_organisation],
        key=f"{ANSWERED}:{exchange.pk}",
    )
