"""A partner organisation, tokens issued to it, and a webhook subscription of it with a receiver
that answers as each test scripts, for the API platform's tests."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from samen.api.actions import partner_token_issue, webhook_subscription_create
from samen.api.events import add_event_kind, publish_event
from samen.api.models import WebhookDelivery
from samen.api.scopes import STATISTICS_READ
from samen.core.actions import action
from samen.people.actions import organisation_create
from samen.people.models import Organisation
from tests.api.receivers import start_receiver


@pytest.fixture
def partner_organisation(db) -> Organisation:
    return organisation_create(by=None, name="Vlaams Agentschap Samenleven", policy_level="flemish")


def issue(personas, organisation, scopes=(STATISTICS_READ,), days=30, name="Rapportering"):
    """Issue a partner token as the administrator persona; return (token, key)."""
    ends_on = timezone.localdate() + datetime.timedelta(days=days)
    return partner_token_issue(
        by=personas.admin,
        organisation=organisation,
        name=name,
        scopes=list(scopes),
        ends_on=ends_on,
    )


def partner_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


KIND = add_event_kind("test.happened", "something happened (tests)")


@pytest.fixture
def receiver(request):
    script = getattr(request, "param", [(200, 0)])
    found, stop = start_receiver(script)
    yield found
    stop()


@pytest.fixture
def subscription(personas, partner_organisation, receiver):
    subscription, secret = webhook_subscription_create(
        by=personas.admin, organisation=partner_organisation, kind=KIND, url=receiver.url
    )
    subscription.shown_secret = secret
    return subscription


@action
def something_happens(*, by, payload: dict, fail: bool = False):
    """An action of some module that publishes an event in its transaction."""
    publish_event(KIND, payload)
    if fail:
        raise RuntimeError("rolled back")


def publish(by, django_capture_on_commit_callbacks, payload=None):
    with django_capture_on_commit_callbacks(execute=True):
        something_happens(by=by, payload=payload or {"district": "11002S", "signals": "<5"})
    return WebhookDelivery.objects.get()


@pytest.fixture
def database_tasks(settings):
    """The production task backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
