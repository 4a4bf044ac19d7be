"""A signed-in session's activity (samen/people/activity.py): written at most once a minute,
the idle timeout counted from the last write, every session in the sessions list."""

import datetime

import time_machine
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.people.activity import LAST_ACTIVITY_KEY, activity_due
from tests.conftest import PASSWORD
from tests.people.conftest import START, bare_page, session_row, user_session, writes


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


def test_activity_is_due_when_unknown_a_minute_old_or_ahead_of_the_clock(rf):
    request = rf.get("/")
    with time_machine.travel(START, tick=False):
        now = int(START.timestamp())
        for last, due in [(None, True), (now - 59, False), (now - 60, True), (now + 60, True)]:
            request.session = {} if last is None else {LAST_ACTIVITY_KEY: last}
            assert activity_due(request) is due, last
