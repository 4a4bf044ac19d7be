"""What every signed-in request passes (samen/people/middleware.py)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from samen.people.roles import Role
from tests.conftest import make_person


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
