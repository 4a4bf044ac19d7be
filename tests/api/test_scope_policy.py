"""Every API endpoint declares what partner tokens may reach it, and enforces it.

The URLs are walked from the resolver, so a new endpoint without a policy fails here.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from samen.api.scopes import ANY_SCOPE, scopes
from tests.api.conftest import issue, partner_client

pytestmark = pytest.mark.django_db


def api_endpoints():
    """(example path, view class) for every DRF view under /api/."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                view_class = getattr(pattern.callback, "cls", None)
                if route.startswith("api/") and view_class and issubclass(view_class, APIView):
                    path = re.sub(r"<int:\w+>", "1", route)
                    found.append(("/" + re.sub(r"<(str:)?\w+>", "x", path), pattern.callback))

    walk(get_resolver().url_patterns, "")
    return found


def policies(callback) -> list:
    classes = callback.initkwargs.get("permission_classes") or callback.cls.permission_classes
    return [c.scope_policy for c in classes if hasattr(c, "scope_policy")]


ENDPOINTS = api_endpoints()


def test_the_walk_finds_every_module_s_endpoints():
    paths = {path for path, _view in ENDPOINTS}
    assert {"/api/signals/", "/api/cases/", "/api/indicators/", "/api/schema/"} <= paths


@pytest.mark.parametrize(("path", "callback"), ENDPOINTS, ids=[p for p, _c in ENDPOINTS])
def test_each_endpoint_declares_one_scope_policy(path, callback):
    assert len(policies(callback)) == 1, f"{path} declares no scope policy (samen.api.scopes)"


@pytest.mark.parametrize(("path", "callback"), ENDPOINTS, ids=[p for p, _c in ENDPOINTS])
def test_a_partner_token_reaches_only_what_its_scopes_name(
    personas, partner_organisation, path, callback
):
    (policy,) = policies(callback)
    every_scope = [scope.code for scope in scopes()]
    _all, key_all = issue(personas, partner_organisation, scopes=every_scope, name="all")
    methods = [m.upper() for m in callback.cls.http_method_names if hasattr(callback.cls, m)]
    methods = [m for m in methods if m not in ("OPTIONS", "HEAD")]
    for method in methods:
        answer = partner_client(key_all).generic(method, path)
        if policy is None:
            # People only: refused before the view runs, whatever the scopes.
            assert answer.status_code in (401, 403), (method, path, answer.status_code)
        else:
            assert answer.status_code not in (401, 403), (method, path, answer.status_code)
    if policy not in (None, ANY_SCOPE):
        others = [code for code in every_scope if code != policy]
        _token, key = issue(personas, partner_organisation, scopes=others, name="others")
        for method in methods:
            assert partner_client(key).generic(method, path).status_code == 403


def test_the_case_consultation_refuses_every_partner_token(personas, partner_organisation):
    every_scope = [scope.code for scope in scopes()]
    _token, key = issue(personas, partner_organisation, scopes=every_scope)
    client = partner_client(key)
    for path in ("/api/cases/", "/api/cases/1/"):
        assert client.get(path).status_code == 403
    assert client.post("/api/cases/referrals/", {}, format="json").status_code == 403
