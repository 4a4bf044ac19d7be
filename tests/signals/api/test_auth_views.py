"""API tokens (samen/signals/api/auth_views.py): who gets one and how, lockout, sign-out."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from samen.api.tokens import (
    PASSWORD_PREFIX,
    TWO_FACTOR_PREFIX,
    TWO_FACTOR_TOKEN_TTL,
    api_token_issue,
)
from samen.audit.models import AuditRecord
from samen.people.actions import staff_member_change_role
from samen.people.roles import Role
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/api/auth/login/"


def login(email, password=PASSWORD, **headers):
    return APIClient().post(LOGIN, {"email": email, "password": password}, **headers)


def with_token(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def test_the_api_lives_under_api():
    assert reverse("api:login") == LOGIN
    assert reverse("api:signals") == "/api/signals/"
    assert reverse("api:schema") == "/api/schema/"


@pytest.mark.parametrize("who", ["analyst", "coordinator", "frontline"])
def test_roles_without_a_second_factor_get_a_token_by_password(personas, who):
    response = login(getattr(personas, who).email.upper())
    assert response.status_code == 200
    secret = response.json()["token"]
    assert secret.startswith(PASSWORD_PREFIX)
    assert response.json()["expiry"]
    assert with_token(secret).get("/api/categories/").status_code == 200


@pytest.mark.parametrize("who", ["admin", "prevention", "partner", "dpo"])
def test_roles_with_a_second_factor_get_no_token_by_password(personas, who):
    response = login(getattr(personas, who).email)
    assert response.status_code == 403
    assert response.json()["code"] == "two_factor_required"
    assert not AuthToken.objects.exists()


def test_wrong_password_gets_no_token(personas):
    response = login(personas.analyst.email, "wrong password")
    assert response.status_code == 400
    assert "token" not in response.json()
    assert login("nobody@samen.test").status_code == 400


def test_an_inactive_account_gets_no_token(personas):
    personas.analyst.is_active = False
    personas.analyst.save()
    assert login(personas.analyst.email).status_code == 400


def test_api_failures_lock_the_account_like_the_sign_in_page(personas):
    for _ in range(5):
        login(personas.analyst.email, "wrong password")
    response = login(personas.analyst.email)  # even the right password now
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "token" not in response.json()
    web = Client().post(
        reverse("account_login"), {"login": personas.analyst.email, "password": PASSWORD}
    )
    assert web.status_code == 429  # the same lockout on the web
    assert login(personas.coordinator.email).status_code == 200  # others are not locked


def test_a_good_login_clears_earlier_failures(personas):
    for _ in range(4):
        login(personas.analyst.email, "wrong password")
    assert login(personas.analyst.email).status_code == 200
    for _ in range(4):
        login(personas.analyst.email, "wrong password")
    assert login(personas.analyst.email).status_code == 200


def test_no_token_means_401(personas):
    for url in ["/api/signals/", "/api/signals/1/", "/api/categories/", "/api/schema/"]:
        response = APIClient().get(url)
        assert response.status_code == 401, url
        assert response["WWW-Authenticate"] == "Token"
    assert APIClient().post("/api/signals/", {}).status_code == 401
    assert APIClient().post("/api/auth/logout/").status_code == 401
    assert APIClient().post("/api/auth/session-token/").status_code == 403  # session only


def test_a_made_up_or_expired_token_means_401(personas):
    assert with_token("samen_0123456789abcdef").get("/api/categories/").status_code == 401
    _instance, secret = api_token_issue(by=personas.analyst, two_factor=False)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=91)):
        assert with_token(secret).get("/api/categories/").status_code == 401


def test_a_deactivated_person_s_token_stops_working(personas):
    _instance, secret = api_token_issue(by=personas.analyst, two_factor=False)
    personas.analyst.is_active = False
    personas.analyst.save()
    assert with_token(secret).get("/api/categories/").status_code == 401


def test_a_password_token_stops_working_when_the_role_needs_a_second_factor(personas):
    _instance, secret = api_token_issue(by=personas.analyst, two_factor=False)
    staff_member_change_role(by=personas.admin, member=personas.analyst, role=Role.ADMINISTRATOR)
    response = with_token(secret).get("/api/categories/")
    assert response.status_code == 401


def test_two_factor_tokens_come_from_a_session_that_passed_the_second_factor(client, personas):
    client.force_login(personas.admin)  # a session without allauth's second-factor record
    response = client.post("/api/auth/session-token/")
    assert response.status_code == 403
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": 1.0},
        {"method": "mfa", "at": 2.0, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(personas.admin.pk)
    session.save()
    response = client.post("/api/auth/session-token/")
    assert response.status_code == 200
    secret = response.json()["token"]
    assert secret.startswith(TWO_FACTOR_PREFIX)
    token = AuthToken.objects.get(user=personas.admin)
    assert token.expiry - timezone.now() <= TWO_FACTOR_TOKEN_TTL
    assert with_token(secret).get("/api/signals/").status_code == 200


def test_the_session_token_endpoint_needs_the_csrf_token(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.analyst)
    assert client.post("/api/auth/session-token/").status_code == 403
    assert not AuthToken.objects.exists()


def test_roles_without_a_second_factor_may_take_a_token_from_their_session(client, personas):
    client.force_login(personas.frontline)
    response = client.post("/api/auth/session-token/")
    assert response.status_code == 200
    assert response.json()["token"].startswith(PASSWORD_PREFIX)


def test_logout_ends_this_token_only(personas):
    first = login(personas.analyst.email).json()["token"]
    second = login(personas.analyst.email).json()["token"]
    assert with_token(first).post("/api/auth/logout/").status_code == 204
    assert with_token(first).get("/api/categories/").status_code == 401
    assert with_token(second).get("/api/categories/").status_code == 200


def test_logout_all_ends_every_token(personas):
    first = login(personas.analyst.email).json()["token"]
    second = login(personas.analyst.email).json()["token"]
    other = login(personas.frontline.email).json()["token"]
    assert with_token(first).post("/api/auth/logout-all/").status_code == 204
    assert with_token(second).get("/api/categories/").status_code == 401
    assert with_token(other).get("/api/categories/").status_code == 200


def test_an_expired_token_is_refused_and_removed_at_the_next_issue(personas):
    old, secret = api_token_issue(by=personas.analyst, two_factor=False)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=91)):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
        assert client.get("/api/categories/").status_code == 401
        assert AuthToken.objects.filter(pk=old.pk).exists()  # no write on a request
        fresh, _secret = api_token_issue(by=personas.analyst, two_factor=False)
    assert list(AuthToken.objects.filter(user=personas.analyst)) == [fresh]
    removal = AuditRecord.objects.get_for_object(old).get(action=AuditRecord.Action.DELETE)
    assert removal.actor == personas.analyst


def test_a_token_query_loads_its_person_too(personas):
    _instance, secret = api_token_issue(by=personas.analyst, two_factor=False)
    client = with_token(secret)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/categories/").status_code == 200
    token_queries = [q for q in queries.captured_queries if "knox_authtoken" in q["sql"]]
    assert len(token_queries) == 1
