"""Partner tokens at the door: which keys authenticate, and as what."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from samen.api.actions import partner_token_revoke
from samen.api.partners import PARTNER_PREFIX
from samen.api.scopes import ANY_SCOPE, requires_scope
from tests.api.conftest import issue, partner_client

pytestmark = pytest.mark.django_db

SCHEMA = "/api/schema/"  # open to every live partner token


def test_a_live_token_authenticates_as_no_person(personas, partner_organisation):
    _token, key = issue(personas, partner_organisation)
    assert partner_client(key).get(SCHEMA).status_code == 200


def test_an_unknown_key_with_the_prefix_is_refused(personas, partner_organisation):
    issue(personas, partner_organisation)
    assert partner_client(PARTNER_PREFIX + "x" * 43).get(SCHEMA).status_code == 401


def test_a_revoked_token_is_refused_at_once(personas, partner_organisation):
    token, key = issue(personas, partner_organisation)
    partner_token_revoke(by=personas.admin, token=token)
    assert partner_client(key).get(SCHEMA).status_code == 401


def test_a_token_works_through_its_end_date_and_not_after(personas, partner_organisation):
    _token, key = issue(personas, partner_organisation, days=3)
    end = timezone.localtime() + datetime.timedelta(days=3)
    with time_machine.travel(end.replace(hour=23, minute=0)):
        assert partner_client(key).get(SCHEMA).status_code == 200
    with time_machine.travel(end + datetime.timedelta(days=1)):
        assert partner_client(key).get(SCHEMA).status_code == 401


def test_an_inactive_organisations_tokens_stop(personas, partner_organisation):
    _token, key = issue(personas, partner_organisation)
    partner_organisation.is_active = False
    partner_organisation.save()
    assert partner_client(key).get(SCHEMA).status_code == 401


def test_a_persons_token_is_left_to_knox(personas):
    assert partner_client("samen_notapartnerkey").get(SCHEMA).status_code == 401


def test_requires_scope_knows_only_registered_scopes():
    with pytest.raises(ValueError):
        requires_scope("cases:read")
    assert requires_scope(ANY_SCOPE).scope_policy == ANY_SCOPE
