"""The API's token lookup gives what the ORM's query gives, in one query."""

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from knox.models import AuthToken
from knox.settings import CONSTANTS

from samen.api.tokens import api_token_issue, tokens_with_person

pytestmark = pytest.mark.django_db


def test_the_lookup_equals_the_orm_query(personas):
    token, secret = api_token_issue(by=personas.coordinator, two_factor=False)
    api_token_issue(by=personas.analyst, two_factor=False)  # another key, not found
    key = secret[: CONSTANTS.TOKEN_KEY_LENGTH]
    with CaptureQueriesContext(connection) as queries:
        found = tokens_with_person(key)
        person = found[0].user  # already there: no second query
    assert len(queries.captured_queries) == 1
    expected = list(AuthToken.objects.filter(token_key=key).select_related("user"))
    assert [t.pk for t in found] == [t.pk for t in expected] == [token.pk]
    for field in AuthToken._meta.concrete_fields:
        assert getattr(found[0], field.attname) == getattr(expected[0], field.attname)
    assert model_to_dict(person) == model_to_dict(expected[0].user)
    assert person == personas.coordinator and person.role == "district_coordinator"
    assert not found[0]._state.adding and found[0]._state.db == "default"


def test_an_unknown_key_finds_nothing(personas):
    api_token_issue(by=personas.analyst, two_factor=False)
    assert tokens_with_person("samen_zz") == []
