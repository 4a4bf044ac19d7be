"""Helpers to file signals in tests."""

import datetime

import pytest
from django.utils import timezone

from samen.signals.actions import SignalFields, signal_record
from samen.signals.codes import forget_codes
from samen.signals.models import Category


def fields(district, **overrides) -> SignalFields:
    values = {
        "district": district,
        "neighbourhood": None,
        "occurred_at": timezone.now() - datetime.timedelta(hours=2),
        "categories": [Category.objects.get(code="youth-groups")],
        "severity": 2,
        "source_type": "own_observation",
        "information_class": "evidenced",
        "confidence": 2,
        "text": "Spanning tussen twee groepen jongeren op het plein.",
    }
    values.update(overrides)
    return SignalFields(**values)


@pytest.fixture
def file_signal():
    """File a signal as `by` in `district` (overrides go to the fields)."""

    def file(by, district, **overrides):
        return signal_record(by=by, fields=fields(district, **overrides))

    return file


@pytest.fixture(autouse=True)
def fresh_codes():
    """Places and categories a test created are gone after its rollback, which sends no
    signal: let no test see codes held from an earlier one (samen.signals.codes)."""
    forget_codes()
    yield
    forget_codes()
