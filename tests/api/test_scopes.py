"""What a partner token may do (samen/api/scopes.py): an endpoint's scope lets in the tokens
that hold it and signed-in people, refuses the rest; a people-only endpoint refuses every
partner token, even one that only comes in the header; an unregistered scope is refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from samen.api.scopes import (
    ANY_SCOPE,
    CIRCULARS_READ,
    EXCHANGES_WRITE,
    STATISTICS_READ,
    PeopleOnly,
    is_scope,
    partner_token_of,
    requires_scope,
    scopes,
)
from tests.api.conftest import issue

pytestmark = pytest.mark.django_db


def request(rf, *, auth=None, user=None, header=""):
    made = rf.get("/api/x/", HTTP_AUTHORIZATION=header) if header else rf.get("/api/x/")
    made.auth, made.user = auth, user or AnonymousUser()
    return made


def test_the_scopes_in_the_order_registered():
    codes = [scope.code for scope in scopes()]
    assert codes[:3] == [STATISTICS_READ, CIRCULARS_READ, EXCHANGES_WRITE]
    assert is_scope(STATISTICS_READ) and not is_scope(ANY_SCOPE) and not is_scope("x:y")


def test_an_unregistered_scope_is_refused():
    with pytest.raises(ValueError, match="not a registered scope"):
        requires_scope("statistics:write")
    assert requires_scope(ANY_SCOPE).scope_policy == ANY_SCOPE


def test_a_partner_token_passes_with_the_scope_and_only_with_it(rf, personas, partner_organisation):
    token, _key = issue(personas, partner_organisation, scopes=[STATISTICS_READ])
    allowed = requires_scope(STATISTICS_READ)()
    assert allowed.has_permission(request(rf, auth=token), None)
    assert not requires_scope(EXCHANGES_WRITE)().has_permission(request(rf, auth=token), None)
    assert requires_scope(ANY_SCOPE)().has_permission(request(rf, auth=token), None)
    assert partner_token_of(request(rf, auth=token)) == token


def test_people_pass_when_signed_in_and_the_view_decides_further(rf, personas):
    permission = requires_scope(EXCHANGES_WRITE)()
    assert permission.has_permission(request(rf, user=personas.frontline), None)
    assert not permission.has_permission(request(rf), None)
    assert partner_token_of(request(rf, auth="a person's token", user=personas.frontline)) is None


def test_a_people_only_endpoint_refuses_every_partner_token(rf, personas, partner_organisation):
    every = [scope.code for scope in scopes()]
    token, key = issue(personas, partner_organisation, scopes=every)
    people_only = PeopleOnly()
    assert not people_only.has_permission(request(rf, auth=token), None)
    # Not authenticated by the endpoint, only carried in the header: refused all the same.
    assert not people_only.has_permission(request(rf, header=f"Token {key}"), None)
    assert people_only.has_permission(request(rf, user=personas.frontline), None)
    assert people_only.has_permission(request(rf, header="Token samen_person_key"), None)
