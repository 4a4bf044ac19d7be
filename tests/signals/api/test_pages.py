"""The web page where a signed-in person gets an API token (samen/signals/api/pages.py)."""

import pytest
from django.urls import reverse

from tests.conftest import get_as

pytestmark = pytest.mark.django_db


def test_the_token_page_shows_a_token_once(client, personas):
    assert get_as(client, None, reverse("api:token_page")).status_code == 302
    assert get_as(client, personas.dpo, reverse("api:token_page")).status_code == 403
    client.force_login(personas.frontline)
    response = client.post(reverse("api:token_page"))
    token = response.context["token"]
    assert token and token in response.content.decode()
    listed = client.get("/api/signals/", HTTP_AUTHORIZATION=f"Token {token}")
    assert listed.status_code == 200
    assert token not in client.get(reverse("api:token_page")).content.decode()


def test_a_two_factor_role_needs_its_second_factor_in_this_session(client, personas):
    client.force_login(personas.prevention)  # no second-factor record in this session
    response = client.post(reverse("api:token_page"))
    assert response.context["token"] is None and response.context["needs_second_factor"]
