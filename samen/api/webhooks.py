"""Sending one webhook delivery: the body, its signature, one attempt and the next one's time.

Security-critical. Every delivery is a POST of a JSON body with

    Samen-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>
    Samen-Event: <the event's id>      Samen-Delivery: <this delivery's id>

so that the receiver can check it came from Samen, unchanged and recently (docs/api.md has
the check in Python). Only the task worker sends (samen.api.tasks), with a short timeout and
no redirects followed, so a slow or failing receiver never holds up a person's request.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import timezone

from samen.api.models import WebhookDelivery

SIGNATURE_HEADER = "Samen-Signature"
EVENT_HEADER = "Samen-Event"
DELIVERY_HEADER = "Samen-Delivery"


def body_of(delivery: WebhookDelivery) -> bytes:
    """The JSON body of a delivery, the same bytes on every attempt."""
    envelope = {
        "id": str(delivery.event_id),
        "kind": delivery.kind,
        "created_at": delivery.created_at.isoformat(),
        "data": delivery.payload,
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret."""
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


class RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer like any other, never followed: the address is the one an
    administrator gave."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(RefuseRedirects)


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    """POST once; return the status code (None when there was no answer) and an error."""
    if not url.startswith(("https://", "http://")):
        return None, "not an http(s) address"
    # Checked above, and when the subscription was made: never file: or another scheme.
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with OPENER.open(request, timeout=settings.SAMEN_WEBHOOK_TIMEOUT_SECONDS) as answer:
            return answer.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return None, f"{type(error).__name__}: {reason}"[:500]


def retry_delay(attempts: int) -> datetime.timedelta:
    """Wait before the next attempt: doubling from the first, at most an hour."""
    seconds = settings.SAMEN_WEBHOOK_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, 3600))


def attempt(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a waiting delivery once and log the outcome: delivered on a 2xx answer; else
    waiting for the next attempt, or failed after SAMEN_WEBHOOK_MAX_ATTEMPTS."""
    if delivery.status != WebhookDelivery.Status.PENDING:
        return delivery
    subscription = delivery.subscription
    if subscription.ended_at is not None or not subscription.organisation.is_active:
        delivery.status, delivery.error = WebhookDelivery.Status.FAILED, "subscription ended"
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "error", "next_attempt_at"])
        return delivery
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Samen-Webhooks/1",
        SIGNATURE_HEADER: signature_header(subscription.signing_secret(), int(time.time()), body),
        EVENT_HEADER: str(delivery.event_id),
        DELIVERY_HEADER: str(delivery.pk),
    }
    code, error = post(subscription.url, body, headers)
    delivery.attempts += 1
    delivery.response_code, delivery.error = code, error
    now = timezone.now()
    if code is not None and 200 <= code < 300:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = "delivered", now, None
    elif delivery.attempts >= settings.SAMEN_WEBHOOK_MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = WebhookDelivery.Status.FAILED, None
    else:
        delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.save()
    return delivery
