"""Helpers to file signals in tests, and the signals the access and view tests share."""

import datetime

import pytest
from django.utils import timezone

from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership
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


@pytest.fixture
def signals(personas, file_signal):
    """One signal in Borgerhout, one in Berchem by the Berchem worker, one in Berchem by the
    Borgerhout worker, one shared with the partner's organisation."""
    school = organisation_create(by=None, name="School", policy_level="flemish")
    OrganisationMembership.objects.create(user=personas.partner, organisation=school)
    borgerhout = file_signal(personas.frontline, personas.borgerhout)
    berchem = file_signal(personas.other_frontline, personas.berchem)
    own_elsewhere = file_signal(personas.frontline, personas.berchem)
    shared = file_signal(personas.analyst, personas.berchem)
    shared.shared_with.add(school)
    return {"borgerhout": borgerhout, "berchem": berchem, "own": own_elsewhere, "shared": shared}
