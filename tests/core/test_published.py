"""The published statistics' registry: the signals module registers its statistics table,
which a page of another module reads exactly as the API answers it, for the same readers."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from rest_framework.test import APIClient

from samen.core.published import published_statistics
from samen.peers.forms import twelve_months

pytestmark = pytest.mark.django_db


def signals_published():
    return next(p for p in published_statistics() if p.code == "signals")


def test_the_signals_module_registers_its_statistics_at_the_apis_address():
    published = signals_published()
    assert str(published.api_path) == reverse("api:statistics") == "/api/statistics/"


def test_the_table_is_the_apis_answer(personas):
    chosen = twelve_months()
    table = signals_published().read(
        by=personas.analyst, request=None, what="Read in a test", **chosen
    )
    client = APIClient()
    client.force_authenticate(personas.analyst)
    query = {k: str(v) for k, v in chosen.items()}
    answer = client.get(reverse("api:statistics"), query, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200
    assert table == {"columns": answer.json()["columns"], "rows": answer.json()["rows"]}
    assert table["rows"]


def test_it_is_refused_to_whom_the_api_refuses_it(personas):
    with pytest.raises(PermissionDenied):
        signals_published().read(
            by=personas.frontline, request=None, what="Read in a test", **twelve_months()
        )
