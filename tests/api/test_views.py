"""The partner-token and webhook pages: administrators only, keys and secrets shown once."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samen.api.actions import webhook_subscription_create
from samen.api.events import publish_event
from samen.api.models import PartnerToken, WebhookSubscription
from samen.api.partners import PARTNER_PREFIX, key_digest
from samen.api.scopes import STATISTICS_READ
from samen.monitor.actions import EARLY_WARNING
from samen.people.models import OrganisationMembership
from tests.api.conftest import issue
from tests.conftest import get_as

pytestmark = pytest.mark.django_db

LIST = "/api/partner-tokens/"
NEW = "/api/partner-tokens/new/"


def form_data(organisation, **changes):
    ends_on = timezone.localdate() + datetime.timedelta(days=90)
    return {
        "organisation": organisation.pk,
        "name": "Rapportering",
        "scopes": [STATISTICS_READ],
        "ends_on": ends_on.isoformat(),
        **changes,
    }


@pytest.mark.parametrize("url", [LIST, NEW])
def test_the_administrator_sees_the_pages(client, personas, partner_organisation, url):
    issue(personas, partner_organisation)
    answer = get_as(client, personas.admin, url)
    assert answer.status_code == 200
    assert partner_organisation.name in answer.content.decode()


@pytest.mark.parametrize(
    "role", ["analyst", "coordinator", "frontline", "prevention", "partner", "dpo"]
)
@pytest.mark.parametrize("url", [LIST, NEW])
def test_everyone_else_is_refused(client, personas, role, url):
    assert get_as(client, getattr(personas, role), url).status_code == 403


@pytest.mark.parametrize("url", [LIST, NEW])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    answer = client.get(url)
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def test_issuing_shows_the_key_once(client, personas, partner_organisation):
    client.force_login(personas.admin)
    answer = client.post(NEW, form_data(partner_organisation))
    assert answer.status_code == 200
    page = answer.content.decode()
    key = page.split('<code class="token">')[1].split("</code>")[0]
    assert key.startswith(PARTNER_PREFIX)
    token = PartnerToken.objects.get()
    assert token.digest == key_digest(key) and token.issued_by == personas.admin
    assert "no-store" in answer["Cache-Control"]
    assert key not in client.get(LIST).content.decode()


def test_the_admin_s_own_organisation_is_not_offered_nor_accepted(
    client, personas, partner_organisation
):
    OrganisationMembership.objects.create(user=personas.admin, organisation=partner_organisation)
    client.force_login(personas.admin)
    assert partner_organisation.name not in client.get(NEW).content.decode()
    answer = client.post(NEW, form_data(partner_organisation))
    assert answer.status_code == 200 and not PartnerToken.objects.exists()


def test_a_refused_form_names_the_problem(client, personas, partner_organisation, settings):
    settings.SAMEN_API_PARTNER_TOKEN_MAX_DAYS = 30
    client.force_login(personas.admin)
    answer = client.post(NEW, form_data(partner_organisation))
    assert "error-summary" in answer.content.decode()
    assert not PartnerToken.objects.exists()


def test_revoking_from_the_list(client, personas, partner_organisation):
    token, _key = issue(personas, partner_organisation)
    client.force_login(personas.admin)
    answer = client.post(f"/api/partner-tokens/{token.pk}/revoke/")
    assert answer.status_code == 302 and answer["Location"] == LIST
    token.refresh_from_db()
    assert token.revoked_by == personas.admin


def test_only_an_administrator_revokes(client, personas, partner_organisation):
    token, _key = issue(personas, partner_organisation)
    client.force_login(personas.analyst)
    assert client.post(f"/api/partner-tokens/{token.pk}/revoke/").status_code == 403
    client.force_login(personas.admin)
    assert client.get(f"/api/partner-tokens/{token.pk}/revoke/").status_code == 405
    assert client.post("/api/partner-tokens/9999/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


# --- Webhooks ---------------------------------------------------------------------------------

WEBHOOKS = "/api/webhooks/"
WEBHOOK_NEW = "/api/webhooks/new/"
DELIVERIES = "/api/webhooks/deliveries/"


@pytest.fixture
def subscription(personas, partner_organisation):
    subscription, _secret = webhook_subscription_create(
        by=personas.admin,
        organisation=partner_organisation,
        kind=EARLY_WARNING,
        url="https://partner.example/hooks",
    )
    return subscription


@pytest.mark.parametrize("url", [WEBHOOKS, WEBHOOK_NEW, DELIVERIES])
def test_the_administrator_sees_the_webhook_pages(client, personas, subscription, url):
    with transaction.atomic():
        publish_event(EARLY_WARNING, {"district": "11002S"})
    answer = get_as(client, personas.admin, url)
    assert answer.status_code == 200
    assert subscription.organisation.name in answer.content.decode()


@pytest.mark.parametrize(
    "role", ["analyst", "coordinator", "frontline", "prevention", "partner", "dpo"]
)
@pytest.mark.parametrize("url", [WEBHOOKS, WEBHOOK_NEW, DELIVERIES])
def test_everyone_else_is_refused_the_webhook_pages(client, personas, role, url):
    assert get_as(client, getattr(personas, role), url).status_code == 403


@pytest.mark.parametrize("url", [WEBHOOKS, WEBHOOK_NEW, DELIVERIES])
def test_anonymous_visitors_are_sent_to_sign_in_from_the_webhook_pages(client, url):
    answer = client.get(url)
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def test_subscribing_shows_the_secret_once(client, personas, partner_organisation):
    client.force_login(personas.admin)
    answer = client.post(
        WEBHOOK_NEW,
        {
            "organisation": partner_organisation.pk,
            "kind": EARLY_WARNING,
            "url": "https://partner.example/hooks",
        },
    )
    subscription = WebhookSubscription.objects.get()
    assert subscription.signing_secret() in answer.content.decode()
    assert subscription.signing_secret() not in client.get(WEBHOOKS).content.decode()


def test_a_bad_address_is_named(client, personas, partner_organisation, settings):
    settings.SAMEN_WEBHOOK_ALLOW_HTTP = False
    client.force_login(personas.admin)
    answer = client.post(
        WEBHOOK_NEW,
        {"organisation": partner_organisation.pk, "kind": EARLY_WARNING, "url": "http://x.be/"},
    )
    assert "error-summary" in answer.content.decode()
    assert not WebhookSubscription.objects.exists()


def test_ending_a_subscription(client, personas, subscription):
    client.force_login(personas.analyst)
    assert client.post(f"/api/webhooks/{subscription.pk}/end/").status_code == 403
    client.force_login(personas.admin)
    answer = client.post(f"/api/webhooks/{subscription.pk}/end/")
    assert answer.status_code == 302 and answer["Location"] == WEBHOOKS
    subscription.refresh_from_db()
    assert subscription.ended_by == personas.admin


def test_the_delivery_log_costs_the_same_queries_for_more_rows(client, personas, subscription):
    client.force_login(personas.admin)
    with transaction.atomic():
        publish_event(EARLY_WARNING, {"district": "11002S"})
    client.get(DELIVERIES)
    with CaptureQueriesContext(connection) as one:
        client.get(DELIVERIES)
    with transaction.atomic():
        for _ in range(5):
            publish_event(EARLY_WARNING, {"district": "11002S"})
    with CaptureQueriesContext(connection) as six:
        answer = client.get(DELIVERIES)
    assert answer.content.decode().count("<code>early_warning</code>") == 6
    assert len(six.captured_queries) == len(one.captured_queries)
