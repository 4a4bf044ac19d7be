"""A partner organisation, and tokens issued to it, for the API platform's tests."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from samen.api.actions import partner_token_issue
from samen.api.scopes import STATISTICS_READ
from samen.people.actions import organisation_create
from samen.people.models import Organisation


@pytest.fixture
def partner_organisation(db) -> Organisation:
    return organisation_create(by=None, name="Vlaams Agentschap Samenleven", policy_level="flemish")


def issue(personas, organisation, scopes=(STATISTICS_READ,), days=30, name="Rapportering"):
    """Issue a partner token as the administrator persona; return (token, key)."""
    ends_on = timezone.localdate() + datetime.timedelta(days=days)
    return partner_token_issue(
        by=personas.admin,
        organisation=organisation,
        name=name,
        scopes=list(scopes),
        ends_on=ends_on,
    )


def partner_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client
