import datetime

import pytest
import time_machine
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.test import Client
from django.urls import reverse

from samen.people.roles import Role
from tests.conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def current_totp(secret: str) -> str:
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counter))


def test_login_by_email_reaches_the_home_page(client, personas):
    response = login(client, "FRONTLINE@samen.test")
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_wrong_password_is_refused_with_a_message(client, personas):
    response = login(client, personas.frontline.email, "wrong password")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get(reverse("home")).status_code == 302


def test_sign_up_is_closed(client, db):
    response = client.get(reverse("account_signup"))
    assert "account/signup_closed.html" in [t.name for t in response.templates]
    response = client.post(
        reverse("account_signup"),
        {"email": "new@samen.test", "password1": PASSWORD, "password2": PASSWORD},
    )
    from samen.people.models import User

    assert not User.objects.filter(email="new@samen.test").exists()


def test_account_is_locked_after_five_failures(client, personas):
    for _ in range(5):
        login(client, personas.frontline.email, "wrong password")
    response = login(client, personas.frontline.email)  # even the right password now
    assert response.status_code == 429
    assert "people/locked_out.html" in [t.name for t in response.templates]
    assert Client().get(reverse("home")).status_code == 302


def test_lockout_counts_per_account_whatever_the_case_of_the_address(client, personas):
    for n in range(5):
        email = personas.frontline.email.upper() if n % 2 else personas.frontline.email
        login(client, email, "wrong password")
    assert login(client, personas.frontline.email).status_code == 429


def test_another_account_is_not_locked(client, personas):
    for _ in range(5):
        login(client, personas.frontline.email, "wrong password")
    assert login(client, personas.coordinator.email).status_code == 302


def test_role_with_case_data_must_set_up_two_factor(client, db):
    chair = make_person(Role.PREVENTION_OFFICER, "chair@samen.test", with_totp=False)
    login(client, chair.email)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    # Setting up the second factor stays reachable (allauth asks for the password once
    # more first), and every other page opens once it is set up.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    setup = client.get(reverse("mfa_activate_totp"))
    assert setup.status_code == 200
    assert setup.context["nav_items"] == []  # nothing to wander off to until it is set up
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(chair, generate_totp_secret())
    assert client.get(reverse("home")).status_code == 200


def test_role_without_case_data_is_not_forced(client, personas):
    client.force_login(personas.frontline)
    assert client.get(reverse("home")).status_code == 200


def test_login_with_totp_asks_for_the_code(client, personas):
    response = login(client, personas.prevention.email)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("home")).status_code == 302  # not signed in yet
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post(
        reverse("mfa_authenticate"), {"code": current_totp(personas.prevention.totp_secret)}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_session_ends_after_the_idle_timeout(client, personas, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        login(client, personas.frontline.email)
        traveller.shift(datetime.timedelta(minutes=25))
        assert client.get(reverse("home")).status_code == 200  # activity renews the session
        traveller.shift(datetime.timedelta(minutes=25))
        assert client.get(reverse("home")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=31))
        response = client.get(reverse("home"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_session_cookie_ends_when_the_browser_closes(client, personas):
    response = login(client, personas.frontline.email)
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"]


def test_sign_out_of_all_other_sessions(personas):
    laptop, phone = Client(), Client(HTTP_USER_AGENT="phone")
    login(laptop, personas.frontline.email)
    login(phone, personas.frontline.email)
    assert phone.get(reverse("home")).status_code == 200
    response = laptop.post(reverse("usersessions_list"))
    assert response.status_code == 302
    assert laptop.get(reverse("home")).status_code == 200
    assert phone.get(reverse("home")).status_code == 302


def test_password_reset_sends_an_email(client, personas):
    response = client.post(reverse("account_reset_password"), {"email": personas.frontline.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert personas.frontline.email in mail.outbox[0].to
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_for_an_unknown_address_reveals_nothing(client, personas):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@samen.test"})
    assert response.status_code == 302  # the same answer as for a known address
