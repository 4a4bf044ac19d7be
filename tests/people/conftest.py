"""A signed-in page that does nothing (what remains is what every request costs), and the
session rows a request writes, for the tests of the middleware, the activity and the backend."""

import datetime

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.urls import path

from samen.urls import urlpatterns as samen_urlpatterns


def bare(request):
    """A signed-in page that does nothing: what remains is what every request costs."""
    return HttpResponse(b"ok")


urlpatterns = [path("bare/", bare), *samen_urlpatterns]
bare_page = pytest.mark.urls("tests.people.conftest")
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
WRITES = ("INSERT", "UPDATE", "DELETE")


def writes(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if q["sql"].startswith(WRITES)]


def session_row(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def user_session(client) -> UserSession:
    return UserSession.objects.get(session_key=client.session.session_key)
