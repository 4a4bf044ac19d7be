"""The API intake's fast path: the same answers as the serializer, in few queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from samen.api.tokens import api_token_issue
from samen.audit.models import AuditRecord
from samen.monitor.models import WeeklyCount
from samen.places.models import Place
from samen.signals.api.serializers import SignalInputSerializer, read_signal_fields
from samen.signals.models import Category, Signal

pytestmark = pytest.mark.django_db


def api_as(person) -> APIClient:
    _instance, secret = api_token_issue(by=person, two_factor=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def good_signal(**overrides):
    data = {
        "occurred_at": (timezone.now() - datetime.timedelta(hours=3)).isoformat(),
        "district": "11002S",
        "categories": ["youth-groups", "housing"],
        "severity": 2,
        "source_type": "resident",
        "information_class": "experienced",
        "confidence": 3,
        "text": "  Ruzie tussen buren over geluidsoverlast in de gemeenschappelijke gang. ",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not ...}


# Inputs the serializer accepts or refuses in its own ways; the fast reading must either give
# exactly the serializer's fields or leave the input to the serializer (None).
SHAPES = [
    {},
    {"severity": "2"},
    {"severity": 2.0},
    {"severity": True},
    {"severity": 5},
    {"confidence": None},
    {"neighbourhood": ""},
    {"neighbourhood": None},
    {"neighbourhood": "11002S01"},
    {"neighbourhood": "11002s01"},
    {"neighbourhood": ["11002S01"]},
    {"district": "11002s"},
    {"district": 11002},
    {"district": ...},
    {"categories": "youth-groups"},
    {"categories": []},
    {"categories": ["racism", "racism"]},
    {"categories": [["racism"]]},
    {"categories": ["polarisation"]},
    {"text": ""},
    {"text": "   "},
    {"text": 42},
    {"text": "nul\x00teken"},
    {"text": "x" * 1001},
    {"occurred_at": "yesterday"},
    {"occurred_at": "2025-03-14"},
    {"occurred_at": "2025-03-14T21:30"},
    {"occurred_at": "2025-03-14T21:30:00Z"},
    {"occurred_at": "2025-03-30T02:30"},  # a moment the clocks skipped
    {"source_type": "gossip"},
    {"information_class": ""},
    {"unknown": "ignored"},
]


@pytest.mark.parametrize("override", SHAPES)
def test_the_fast_reading_gives_the_serializer_s_fields_or_none(personas, override):
    Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    data = good_signal(**override)
    fast = read_signal_fields(data)
    serializer = SignalInputSerializer(data=data)
    if fast is None:
        return  # the view asks the serializer, whatever it says
    assert serializer.is_valid(), (serializer.errors, override)
    assert fast == serializer.signal_fields()


def test_a_form_encoded_body_is_left_to_the_serializer(personas):
    from django.http import QueryDict

    assert read_signal_fields(QueryDict("district=11002S")) is None


def test_filing_a_signal_takes_six_queries(personas):
    """The token with its person; then in one transaction the signal, its audit record, and
    one statement for the category rows and the weekly counts (on SQLite, which has no
    data-modifying WITH, three). Whether the person sits at the case consultation (then only a
    two-factor token will do) was asked by the first request and comes from the cache."""
    client = api_as(personas.analyst)
    client.post("/api/signals/", good_signal(), format="json")  # reads the codes
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/api/signals/", good_signal(severity=3), format="json")
    assert response.status_code == 201, response.json()
    statements = [q["sql"] for q in queries.captured_queries]
    # BEGIN and COMMIT included (a savepoint and its release inside the test's transaction).
    assert len(statements) == (6 if connection.vendor == "postgresql" else 8), statements
    signal = Signal.objects.get(pk=response.json()["id"])
    assert sorted(signal.categories.values_list("code", flat=True)) == ["housing", "youth-groups"]
    assert signal.text == response.json()["text"] == good_signal()["text"].strip()
    record = AuditRecord.objects.get_for_object(signal).get(action=AuditRecord.Action.CREATE)
    assert record.actor == personas.analyst and record.remote_addr == "127.0.0.1"
    assert record.additional_data == {"categories": ["housing", "youth-groups"]}
    housing = Category.objects.get(code="housing")
    city = personas.borgerhout.parent
    for place in (city, personas.borgerhout):
        overall = WeeklyCount.objects.get(place=place, week=signal.week, category=None)
        assert (overall.count, overall.weighted) == (2, 5)
        per_category = WeeklyCount.objects.get(place=place, week=signal.week, category=housing)
        assert (per_category.count, per_category.weighted) == (2, 5)


def test_the_query_count_does_not_grow_with_categories(personas):
    client = api_as(personas.analyst)
    client.post("/api/signals/", good_signal(), format="json")
    counts = []
    for categories in (["racism"], ["racism", "housing", "poverty"]):
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/api/signals/", good_signal(categories=categories), "json")
        assert response.status_code == 201
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_most_shapes_take_the_fast_reading(personas):
    Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
    fast = [o for o in SHAPES if read_signal_fields(good_signal(**o)) is not None]
    assert {} in fast and {"severity": "2"} in fast and {"neighbourhood": "11002S01"} in fast
    assert {"categories": "youth-groups"} not in fast and {"text": 42} not in fast
