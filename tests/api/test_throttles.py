"""The JSON API's rate limits: per person and per token, 429 with Retry-After, configurable."""

import pytest
from rest_framework.test import APIClient

from samen.api.tokens import api_token_issue

pytestmark = pytest.mark.django_db

CATEGORIES = "/api/categories/"


def with_token(person) -> APIClient:
    _token, secret = api_token_issue(by=person, two_factor=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def statuses(client, times: int, url: str = CATEGORIES) -> list[int]:
    return [client.get(url).status_code for _ in range(times)]


@pytest.fixture
def rates(settings):
    """Small rates, so that a test can reach them; the other one out of the way."""

    def set_rates(*, per_person="1000/min", per_token="1000/min"):  # noqa: S107 - a rate
        settings.SAMEN_API_RATE_PERSON = per_person
        settings.SAMEN_API_RATE_TOKEN = per_token

    return set_rates


@pytest.mark.parametrize("rate", [2, 5])
def test_a_token_past_its_rate_is_answered_429_with_retry_after(personas, rates, rate):
    rates(per_token=f"{rate}/min")
    client = with_token(personas.frontline)
    assert statuses(client, rate) == [200] * rate
    refused = client.get(CATEGORIES)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60


def test_another_token_of_the_same_person_is_not_held_back(personas, rates):
    rates(per_token="2/min")
    first = with_token(personas.frontline)
    assert statuses(first, 3) == [200, 200, 429]
    assert with_token(personas.frontline).get(CATEGORIES).status_code == 200


@pytest.mark.parametrize("rate", [3, 4])
def test_a_person_past_their_rate_is_refused_with_every_token_and_session(personas, rates, rate):
    rates(per_person=f"{rate}/min")
    phone, laptop = with_token(personas.frontline), with_token(personas.frontline)
    assert statuses(phone, rate - 1) + statuses(laptop, 1) == [200] * rate
    assert laptop.get(CATEGORIES).status_code == 429
    assert phone.get(CATEGORIES).status_code == 429
    browser = APIClient()
    browser.force_login(personas.frontline)
    refused = browser.get(CATEGORIES)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0


def test_another_person_is_not_held_back(personas, rates):
    rates(per_person="2/min")
    assert statuses(with_token(personas.frontline), 3) == [200, 200, 429]
    assert statuses(with_token(personas.other_frontline), 2) == [200, 200]


def test_the_case_consultations_api_is_rate_limited_too(personas, rates):
    rates(per_token="2/min")
    client = with_token(personas.analyst)
    # No seat at the table: the same 404 as for anyone, until the rate is spent.
    assert statuses(client, 3, "/api/cases/") == [404, 404, 429]


def test_the_default_rates_leave_room_for_field_work(settings):
    from rest_framework.throttling import SimpleRateThrottle

    person = SimpleRateThrottle.parse_rate(None, settings.SAMEN_API_RATE_PERSON)
    token = SimpleRateThrottle.parse_rate(None, settings.SAMEN_API_RATE_TOKEN)
    # A token is held back before its person, so one runaway token leaves the person's others.
    assert token[0] / token[1] < person[0] / person[1]
    assert token[0] / token[1] >= 1
