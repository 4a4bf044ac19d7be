"""What every signed-in request passes (samen/people/middleware.py)."""

import datetime

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse
from django.utils import timezone

from samen.people.roles import Role
from samen.urls import urlpatterns as samen_urlpatterns
from tests.conftest import PASSWORD, make_person


def bare(request):
    """A signed-in page that does nothing: what remains is what every request costs."""
    return HttpResponse(b"ok")


urlpatterns = [path("bare/", bare), *samen_urlpatterns]
bare_page = pytest.mark.urls("tests.people.test_middleware")
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
WRITES = ("INSERT", "UPDATE", "DELETE")


def writes(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith(WRITES)]


def session_row(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def user_session(client) -> UserSession:
    return UserSession.objects.get(session_key=client.session.session_key)


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


# --- The session's activity: written at most once a minute ------------------------------------


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


@bare_page
def test_the_first_request_after_signing_in_writes_nothing(client, personas):
    response = client.post(
        reverse("account_login"), {"login": personas.frontline.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    # Signing in wrote the session and its row in the sessions list.
    assert user_session(client).user == personas.frontline
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/bare/").status_code == 200
    assert len(captured) == 2 and writes(captured) == []


@bare_page
def test_the_session_is_written_again_after_a_minute(client, personas):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(personas.frontline)
        client.get("/bare/")
        expires = session_row(client).expire_date
        assert expires == START + datetime.timedelta(minutes=30)
        assert user_session(client).last_seen_at == START

        traveller.shift(datetime.timedelta(seconds=59))
        with CaptureQueriesContext(connection) as captured:
            client.get("/bare/")
        assert writes(captured) == []
        assert session_row(client).expire_date == expires
        assert user_session(client).last_seen_at == START

        traveller.shift(datetime.timedelta(seconds=2))
        with CaptureQueriesContext(connection) as captured:
            client.get("/bare/", HTTP_USER_AGENT="phone", REMOTE_ADDR="10.1.2.3")
        assert len(writes(captured)) == 2  # the sessions list's row, then the session
        later = START + datetime.timedelta(seconds=61)
        assert session_row(client).expire_date == later + datetime.timedelta(minutes=30)
        row = user_session(client)
        assert (row.last_seen_at, row.ip, row.user_agent) == (later, "10.1.2.3", "phone")


@bare_page
def test_the_idle_timeout_ends_a_session_at_most_a_minute_early(client, personas):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(personas.frontline)
        assert client.get("/bare/").status_code == 200  # written at 9:00
        traveller.shift(datetime.timedelta(seconds=50))
        assert client.get("/bare/").status_code == 200  # not written: 50 s after the last
        traveller.shift(datetime.timedelta(minutes=29))  # 29:50 after the last write
        assert client.get(reverse("home")).status_code == 200  # written again
        traveller.shift(datetime.timedelta(minutes=30, seconds=1))
        response = client.get(reverse("home"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


@bare_page
def test_idle_longer_than_the_timeout_signs_out_though_the_last_request_was_not_written(
    client, personas
):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(personas.frontline)
        client.get("/bare/")
        traveller.shift(datetime.timedelta(seconds=50))
        client.get("/bare/")
        # 29:20 idle since the last request, 30:10 since the last write: signed out.
        traveller.shift(datetime.timedelta(minutes=29, seconds=20))
        assert client.get(reverse("home")).status_code == 302


@bare_page
def test_sign_out_everywhere_ends_sessions_not_signed_in_through_the_sign_in_page(personas):
    laptop, phone = Client(), Client(HTTP_USER_AGENT="phone")
    laptop.force_login(personas.frontline)
    phone.force_login(personas.frontline)
    assert phone.get("/bare/").status_code == 200  # its first request lists it
    assert laptop.post(reverse("usersessions_list")).status_code == 302
    assert laptop.get("/bare/").status_code == 200
    assert phone.get(reverse("home")).status_code == 302
    assert not UserSession.objects.exclude(session_key=laptop.session.session_key).exists()


def test_the_sessions_page_lists_each_session_with_its_last_seen_time(personas):
    laptop, phone = Client(), Client(HTTP_USER_AGENT="phone")
    with time_machine.travel(START, tick=False) as traveller:
        phone.force_login(personas.frontline)
        phone.get(reverse("home"))
        traveller.shift(datetime.timedelta(minutes=5))
        laptop.force_login(personas.frontline)
        response = laptop.get(reverse("usersessions_list"))
    assert response.context["show_last_seen_at"]
    seen = {s.user_agent: s.last_seen_at for s in response.context["sessions"]}
    assert seen == {"phone": START, "": START + datetime.timedelta(minutes=5)}
    assert "Laatst gezien op" in response.content.decode()


@bare_page
def test_a_second_factor_removed_meanwhile_is_asked_for_at_the_next_request(client, personas):
    client.force_login(personas.admin)
    assert client.get("/bare/").status_code == 200
    Authenticator.objects.filter(user=personas.admin).delete()
    response = client.get("/bare/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp") + "?required=1"


def test_signing_in_gives_the_session_a_new_key(client, personas):
    client.get(reverse("account_login"))
    session = client.session  # an anonymous session with a key
    session["before"] = True
    session.save()
    before = session.session_key
    client.post(reverse("account_login"), {"login": personas.frontline.email, "password": PASSWORD})
    assert client.session.session_key != before
    assert user_session(client).user == personas.frontline
