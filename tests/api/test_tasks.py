"""The worker's part of webhooks (samen/api/tasks.py): the action only queues, the worker
attempts once and queues the next attempt after its back-off, a delivery no longer there is
left alone."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samen.api.models import WebhookDelivery
from samen.api.tasks import deliver_webhook, queue_delivery
from samen.api.webhooks import retry_delay
from tests.api.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("receiver", [[(500, 0)]], indirect=True)
def test_nothing_is_sent_from_the_action_only_queued_for_the_worker(
    personas, subscription, receiver, database_tasks, django_capture_on_commit_callbacks
):
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    assert receiver.received == [] and delivery.status == "pending"
    queued = DBTaskResult.objects.get(task_path=deliver_webhook.module_path)
    assert queued.args_kwargs["args"] == [str(delivery.pk)]
    # The worker's run: one attempt, and the next one queued after its back-off.
    before = timezone.now()
    deliver_webhook.call(str(delivery.pk))
    delivery.refresh_from_db()
    assert len(receiver.received) == 1 and delivery.attempts == 1
    assert delivery.next_attempt_at >= before + retry_delay(1)
    queued = DBTaskResult.objects.filter(task_path=deliver_webhook.module_path)
    assert delivery.next_attempt_at in {result.run_after for result in queued}
    assert queued.count() == 2


def test_a_delivery_no_longer_there_is_left_alone(database_tasks):
    assert deliver_webhook.call(str(uuid.uuid4())) == "gone"
    assert not DBTaskResult.objects.exists()


@pytest.mark.parametrize("receiver", [[(200, 0)]], indirect=True)
def test_a_delivered_one_queues_nothing_more(
    personas, subscription, receiver, database_tasks, django_capture_on_commit_callbacks
):
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    assert deliver_webhook.call(str(delivery.pk)) == WebhookDelivery.Status.DELIVERED
    assert len(receiver.received) == 1
    assert DBTaskResult.objects.filter(task_path=deliver_webhook.module_path).count() == 1


def test_an_attempt_is_queued_for_its_time_or_at_once(
    personas, subscription, receiver, database_tasks, django_capture_on_commit_callbacks
):
    delivery = publish(personas.analyst, django_capture_on_commit_callbacks)
    DBTaskResult.objects.all().delete()
    when = timezone.now() + retry_delay(3)
    delivery.next_attempt_at = when
    queue_delivery(delivery)
    delivery.next_attempt_at = None
    queue_delivery(delivery)
    queued = DBTaskResult.objects.filter(task_path=deliver_webhook.module_path)
    # One waits for its time; the other, without one, is due at once (not held back to it).
    runs = [result.run_after for result in queued]
    assert len(runs) == 2 and runs.count(when) == 1
    assert {tuple(result.args_kwargs["args"]) for result in queued} == {(str(delivery.pk),)}
