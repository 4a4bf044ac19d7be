"""Helpers to file signals in tests, and the signals the access and view tests share."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.people.actions import organisation_create
from samen.people.models import OrganisationMembership
from samen.places.models import Place
from samen.signals.actions import (
    SignalFields,
    signal_comment,
    signal_follow_up,
    signal_record,
    signal_review,
)
from samen.signals.codes import forget_codes
from samen.signals.models import Category
from tests.signals.test_statistics import new_signal


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


def local(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


NOW = local(2026, 8, 1, 4, 0)  # cut-off with 24 months: 1 August 2024, 04:00


def made_at(moment: datetime.datetime, make):
    """Run `make` as if at `moment`, so that what it records carries that time."""
    with time_machine.travel(moment, tick=False):
        return make()


@pytest.fixture
def history(personas):
    """An old signal with a comment and a follow-up note, and a younger one with a comment."""

    def old():
        signal = new_signal(personas.frontline, personas.borgerhout, text="Oude spanning.")
        signal_comment(by=personas.frontline, signal=signal, text="Buurtwerker ging langs.")
        signal_review(by=personas.coordinator, signal=signal)
        signal_follow_up(
            by=personas.coordinator, signal=signal, kind="mediation", note="Gesprek gepland."
        )
        return signal

    def young():
        signal = new_signal(personas.frontline, personas.borgerhout, text="Recente spanning.")
        signal_comment(by=personas.frontline, signal=signal, text="Nog op te volgen.")
        return signal

    return {
        "old": made_at(local(2024, 7, 31, 10, 0), old),
        "young": made_at(local(2024, 8, 2, 10, 0), young),
    }


def purge_records():
    return AuditRecord.objects.filter(
        action=AuditRecord.Action.UPDATE, object_repr__startswith="Retention"
    )


DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def purge_runs() -> int:
    return AuditRecord.objects.filter(object_repr__startswith="Retention").count()


@pytest.fixture
def wijk(personas):
    return Place.objects.create(
        kind="neighbourhood", code="11002S01", name_nl="Wijk", parent=personas.borgerhout
    )
