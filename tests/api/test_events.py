"""Event kinds and publishing them (samen/api/events.py); sending is in test_webhooks.py."""

import pytest

from samen.api.actions import webhook_subscription_create, webhook_subscription_end
from samen.api.events import add_event_kind, event_kinds, is_event_kind, publish_event
from samen.api.models import WebhookDelivery

pytestmark = pytest.mark.django_db

KIND = add_event_kind("test.published", "published (tests)")
URL = "https://partner.example/hooks"


def test_a_registered_kind_is_known_and_listed_an_unknown_one_is_not():
    assert is_event_kind(KIND)
    assert KIND in {kind.code for kind in event_kinds()}
    assert not is_event_kind("test.never_registered")


def test_publishing_an_unknown_kind_is_refused_and_writes_nothing():
    with pytest.raises(ValueError, match="add_event_kind"):
        publish_event("test.never_registered", {"signals": "<5"})
    assert not WebhookDelivery.objects.exists()


def test_one_delivery_per_live_subscription_never_to_an_ended_one(personas, partner_organisation):
    live, _secret = webhook_subscription_create(
        by=personas.admin, organisation=partner_organisation, kind=KIND, url=URL
    )
    event_id = publish_event(KIND, {"district": "11002S", "signals": "<5"})
    (delivery,) = WebhookDelivery.objects.all()
    assert delivery.subscription == live and delivery.event_id == event_id
    assert delivery.status == WebhookDelivery.Status.PENDING

    webhook_subscription_end(by=personas.admin, subscription=live)
    publish_event(KIND, {"district": "11002S", "signals": "<5"})
    assert WebhookDelivery.objects.count() == 1


def test_an_event_with_a_key_is_written_once_and_other_organisations_hear_nothing(
    personas, partner_organisation
):
    webhook_subscription_create(
        by=personas.admin, organisation=partner_organisation, kind=KIND, url=URL
    )
    for _ in range(2):
        publish_event(KIND, {"week": "2026-W10"}, key="11002S/2026-W10")
    assert WebhookDelivery.objects.count() == 1
    publish_event(KIND, {"week": "2026-W11"}, organisations=[])
    assert WebhookDelivery.objects.count() == 1
