"""Issuing and revoking partner tokens: who may, what is checked, what the trail keeps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.api.actions import (
    partner_token_issue,
    partner_token_revoke,
    webhook_subscription_create,
    webhook_subscription_end,
)
from samen.api.events import add_event_kind
from samen.api.models import PartnerToken, WebhookSubscription
from samen.api.partners import PARTNER_PREFIX, key_digest
from samen.api.scopes import CIRCULARS_READ, STATISTICS_READ
from samen.audit.models import AuditRecord
from samen.people.models import OrganisationMembership
from tests.api.conftest import issue

pytestmark = pytest.mark.django_db


def test_the_key_is_shown_once_and_only_its_digest_is_stored(personas, partner_organisation):
    token, key = issue(personas, partner_organisation)
    assert key.startswith(PARTNER_PREFIX) and len(key) > len(PARTNER_PREFIX) + 40
    stored = PartnerToken.objects.get(pk=token.pk)
    assert stored.digest == key_digest(key) and key not in str(vars(stored))
    assert stored.issued_by == personas.admin and stored.scopes == [STATISTICS_READ]


def test_issuing_is_in_the_trail_with_the_digest_redacted(personas, partner_organisation):
    token, key = issue(personas, partner_organisation)
    record = AuditRecord.objects.get_for_object(token).get()
    assert record.actor == personas.admin
    assert key_digest(key) not in str(record.changes) and key not in str(record.changes)


@pytest.mark.parametrize("role", ["analyst", "coordinator", "prevention", "partner", "dpo"])
def test_only_an_administrator_issues(personas, partner_organisation, role):
    with pytest.raises(PermissionDenied):
        partner_token_issue(
            by=getattr(personas, role),
            organisation=partner_organisation,
            name="x",
            scopes=[STATISTICS_READ],
            ends_on=timezone.localdate(),
        )
    assert not PartnerToken.objects.exists()


def test_nobody_grants_their_own_organisation_access(personas, partner_organisation):
    OrganisationMembership.objects.create(user=personas.admin, organisation=partner_organisation)
    with pytest.raises(ValidationError) as refused:
        issue(personas, partner_organisation)
    assert "organisation" in refused.value.message_dict
    assert not PartnerToken.objects.exists()


def test_an_end_date_past_the_longest_validity_is_refused(personas, partner_organisation, settings):
    settings.SAMEN_API_PARTNER_TOKEN_MAX_DAYS = 30
    with pytest.raises(ValidationError) as refused:
        issue(personas, partner_organisation, days=31)
    assert "ends_on" in refused.value.message_dict
    token, _key = issue(personas, partner_organisation, days=30)
    assert token.ends_on == timezone.localdate() + datetime.timedelta(days=30)


def test_every_problem_is_named_at_once(personas, partner_organisation):
    with pytest.raises(ValidationError) as refused:
        partner_token_issue(
            by=personas.admin,
            organisation=partner_organisation,
            name="  ",
            scopes=["cases:read"],
            ends_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"name", "scopes", "ends_on"}


def test_an_inactive_organisation_gets_no_token(personas, partner_organisation):
    partner_organisation.is_active = False
    partner_organisation.save()
    with pytest.raises(ValidationError):
        issue(personas, partner_organisation)


def test_scopes_are_kept_once_each_in_order(personas, partner_organisation):
    token, _key = issue(
        personas, partner_organisation, scopes=[STATISTICS_READ, CIRCULARS_READ, STATISTICS_READ]
    )
    assert token.scopes == sorted({STATISTICS_READ, CIRCULARS_READ})


def test_revoking_records_who_and_when(personas, partner_organisation):
    token, _key = issue(personas, partner_organisation)
    partner_token_revoke(by=personas.admin, token=token)
    token.refresh_from_db()
    assert token.revoked_by == personas.admin and token.revoked_at is not None
    assert AuditRecord.objects.get_for_object(token).count() == 2
    with pytest.raises(PermissionDenied):
        partner_token_revoke(by=personas.analyst, token=token)


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
