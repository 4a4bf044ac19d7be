"""The task worker's part of webhooks: each delivery is sent here, never in a request."""

from __future__ import annotations

from django_tasks import task

from samen.api.models import WebhookDelivery
from samen.api.webhooks import attempt


@task()
def deliver_webhook(delivery_id: str) -> str:
    """Attempt one delivery; queue the next attempt after its back-off if it must retry."""
    delivery = (
        WebhookDelivery.objects.select_related("subscription__organisation")
        .filter(pk=delivery_id)
        .first()
    )
    if delivery is None:
        return "gone"
    delivery = attempt(delivery)
    if delivery.status == WebhookDelivery.Status.PENDING:
        queue_delivery(delivery)
    return delivery.status


def queue_delivery(delivery: WebhookDelivery) -> None:
    """Queue an attempt at `delivery.next_attempt_at` (at once without one). A backend that
    cannot run tasks later (the tests' immediate one) runs it at once."""
    if delivery.next_attempt_at is not None and deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(str(delivery.pk))
    else:
        deliver_webhook.enqueue(str(delivery.pk))
