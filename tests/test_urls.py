"""The URL configuration as a whole (samen/urls.py): an anonymous visitor reaches nothing.

Every pattern of every module, with a sample value for each parameter, is asked for with GET
and with an empty POST. Outside a short list of pages that must work before signing in, the
answer is a redirect to a sign-in page, 401/403 (the API), 404, or 405 for a method the
view does not take; never a page, and an empty POST changes nothing. A module added tomorrow is
walked the same way without a line here. Each view's own tests cover the signed-in personas.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client
from django.urls import resolve

from tests.core.test_caching import every_url

pytestmark = pytest.mark.django_db

# Pages for someone not (yet) signed in, each a deliberate choice.
BEFORE_SIGNING_IN = {
    "/accounts/login/",
    "/accounts/inactive/",
    "/accounts/signup/",  # says sign-up is closed (samen.people.adapters)
    "/accounts/confirm-email/",
    "/accounts/confirm-email/1/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-1/",
    "/accounts/password/reset/key/done/",
    "/api/docs/",  # the Swagger page; the schema it reads needs a token (/api/schema/)
    "/healthz",  # the load balancer's probe: says "ok" and nothing else
    "/i18n/setlang/",  # choosing a language
    "/api/auth/login/",  # a system signs in with a person's credentials (POST only)
    "/admin/logout/",  # signing out of nothing: back to /admin/, which asks to sign in
}
SIGN_IN_PAGES = ("/accounts/login/", "/admin/login/")


def refused(response) -> bool:
    if response.status_code in (301, 302):
        return response["Location"].split("?")[0].endswith(SIGN_IN_PAGES)
    return response.status_code in (401, 403, 404)


def rows() -> dict[str, int]:
    """How many rows each of the project's tables holds (Samen's own apps and the audit)."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("samen.")
    }


def test_every_url_refuses_an_anonymous_get():
    client = Client(raise_request_exception=False)
    shown = []
    for url, _pattern in every_url():
        if url in BEFORE_SIGNING_IN:
            continue
        response = client.get(url)
        if not (refused(response) or response.status_code == 405):
            shown.append((url, response.status_code, response.get("Location")))
    assert shown == []


def test_every_url_refuses_an_anonymous_post_and_changes_nothing(personas):
    client = Client(raise_request_exception=False)
    before = rows()
    accepted = []
    for url, _pattern in every_url():
        if url in BEFORE_SIGNING_IN:
            continue
        response = client.post(url, {})
        if not (refused(response) or response.status_code == 405):
            accepted.append((url, response.status_code, response.get("Location")))
    assert accepted == []
    assert rows() == before


def test_the_pages_before_signing_in_exist_and_answer():
    client = Client(raise_request_exception=False)
    for url in BEFORE_SIGNING_IN:
        resolve(url)  # each still names a real pattern
        assert client.get(url).status_code in (200, 302, 405), url
