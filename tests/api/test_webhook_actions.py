"""Subscribing partners' systems to events: who may, what addresses, one per kind."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from samen.api.actions import webhook_subscription_create, webhook_subscription_end
from samen.api.events import add_event_kind
from samen.api.models import WebhookSubscription
from samen.audit.models import AuditRecord
from samen.people.models import OrganisationMembership

pytestmark = pytest.mark.django_db

KIND = add_event_kind("test.subscribed", "subscribed (tests)")
URL = "https://partner.example/samen/hooks"


def subscribe(personas, organisation, **changes):
    values = {"organisation": organisation, "kind": KIND, "url": URL, **changes}
    return webhook_subscription_create(by=personas.admin, **values)


def test_the_secret_is_returned_once_and_redacted_in_the_trail(personas, partner_organisation):
    subscription, secret = subscribe(personas, partner_organisation)
    assert len(secret) == 64 and subscription.signing_secret() == secret
    assert secret not in subscription.secret  # stored encrypted (samen.api.signing_keys)
    record = AuditRecord.objects.get_for_object(subscription).get()
    assert secret not in str(record.changes) and record.actor == personas.admin


@pytest.mark.parametrize(
    "url",
    ["http://partner.example/hooks", "ftp://partner.example/", "file:///etc/passwd", "partner"],
)
def test_only_https_addresses_outside_debug(personas, partner_organisation, settings, url):
    settings.SAMEN_WEBHOOK_ALLOW_HTTP = False
    with pytest.raises(ValidationError) as refused:
        subscribe(personas, partner_organisation, url=url)
    assert "url" in refused.value.message_dict
    assert not WebhookSubscription.objects.exists()


def test_no_credentials_in_the_address(personas, partner_organisation):
    with pytest.raises(ValidationError):
        subscribe(personas, partner_organisation, url="https://user:pw@partner.example/")


def test_one_live_subscription_per_organisation_and_kind(personas, partner_organisation):
    first, _secret = subscribe(personas, partner_organisation)
    with pytest.raises(ValidationError) as refused:
        subscribe(personas, partner_organisation)
    assert "kind" in refused.value.message_dict
    webhook_subscription_end(by=personas.admin, subscription=first)
    second, _secret = subscribe(personas, partner_organisation)
    assert second.pk != first.pk and first.ended_by == personas.admin


def test_an_unknown_event_is_refused(personas, partner_organisation):
    with pytest.raises(ValidationError) as refused:
        subscribe(personas, partner_organisation, kind="cases.opened")
    assert "kind" in refused.value.message_dict


def test_nobody_subscribes_their_own_organisation(personas, partner_organisation):
    OrganisationMembership.objects.create(user=personas.admin, organisation=partner_organisation)
    with pytest.raises(ValidationError) as refused:
        subscribe(personas, partner_organisation)
    assert "organisation" in refused.value.message_dict


@pytest.mark.parametrize("role", ["analyst", "coordinator", "prevention", "partner", "dpo"])
def test_only_an_administrator_subscribes_and_ends(personas, partner_organisation, role):
    with pytest.raises(PermissionDenied):
        webhook_subscription_create(
            by=getattr(personas, role), organisation=partner_organisation, kind=KIND, url=URL
        )
    subscription, _secret = subscribe(personas, partner_organisation)
    with pytest.raises(PermissionDenied):
        webhook_subscription_end(by=getattr(personas, role), subscription=subscription)
