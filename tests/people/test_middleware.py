"""What every signed-in request passes (samen/people/middleware.py)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.people.roles import Role
from tests.conftest import PASSWORD, make_person
from tests.people.conftest import bare_page, user_session, writes


def test_a_role_that_needs_a_second_factor_is_sent_to_set_it_up(client, personas):
    admin = make_person(Role.ADMINISTRATOR, "new.admin@samen.test", with_totp=False)
    client.force_login(admin)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp") + "?required=1"
    assert client.get("/healthz").status_code != 302


def test_a_person_with_a_second_factor_passes(client, personas):
    client.force_login(personas.admin)
    assert client.get("/").status_code == 200


def test_a_lapsed_role_is_signed_out_at_the_next_request(client, personas, settings):
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 1
    analyst = personas.analyst
    analyst.role_confirmed_at = timezone.now() - datetime.timedelta(days=90)
    analyst.save()
    client.force_login(analyst)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session


@bare_page
@pytest.mark.parametrize("who", ["frontline", "admin"])
def test_a_signed_in_request_costs_two_queries_and_writes_nothing(
    client, personas, who, django_assert_num_queries
):
    client.force_login(getattr(personas, who))
    assert client.get("/bare/").status_code == 200  # the session's first request
    # The session and the person (with their second factor), nothing else: no write.
    with django_assert_num_queries(2) as captured:
        assert client.get("/bare/").status_code == 200
    assert writes(captured) == []


def test_signing_in_gives_the_session_a_new_key(client, personas):
    client.get(reverse("account_login"))
    session = client.session  # an anonymous session with a key
    session["before"] = True
    session.save()
    before = session.session_key
    client.post(reverse("account_login"), {"login": personas.frontline.email, "password": PASSWORD})
    assert client.session.session_key != before
    assert user_session(client).user == personas.frontline
