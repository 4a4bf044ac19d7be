"""Mediation personas beside the shared ones, and a mediation at each stage."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.mediation.actions import (
    PartyFields,
    aftercare_check_record,
    coordinator_designate,
    mediation_assign,
    mediation_close,
    mediation_open,
    session_record,
)
from samen.mediation.models import Mediation, Session
from samen.mediation.retention import mediation_personal_data_purge
from samen.people.roles import Role
from tests.conftest import make_person

# Synthetic party names, searched for in pages, lists and exports.
RESIDENT = "Griet Vandermeulen"
NEIGHBOUR = "Mohamed Elouali"
STREET = "Kroonstraat"


@dataclass
class MediationPeople:
    mediator: object  # a Borgerhout frontline worker, the assigned mediator
    borgerhout_mc: object  # mediation coordinator for Borgerhout, living in Berchem
    city_mc: object  # city-wide mediation coordinator


@pytest.fixture
def mediation_people(personas) -> MediationPeople:
    mediator = make_person(Role.FRONTLINE_WORKER, "mediator@samen.test", personas.borgerhout)
    borgerhout_mc = make_person(Role.FRONTLINE_WORKER, "bmc@samen.test", personas.berchem)
    city_mc = make_person(Role.DISTRICT_COORDINATOR, "citymc@samen.test", personas.berchem)
    coordinator_designate(by=personas.admin, user=borgerhout_mc, district=personas.borgerhout)
    coordinator_designate(by=personas.admin, user=city_mc)
    return MediationPeople(mediator=mediator, borgerhout_mc=borgerhout_mc, city_mc=city_mc)


def parties() -> list[PartyFields]:
    return [
        PartyFields(kind="resident", name=RESIDENT, contact="0470 11 22 33", street=STREET),
        PartyFields(kind="resident", name=NEIGHBOUR, contact="", street=STREET),
    ]


@pytest.fixture
def open_mediation(personas):
    """Open a mediation in `district` (Borgerhout by default) as `by`."""

    def make(by=None, district=None, **overrides):
        values = {
            "kind": "noise",
            "district": district or personas.borgerhout,
            "neighbourhood": None,
            "description": "Luide muziek na middernacht in de Kroonstraat.",
            "parties": parties(),
        }
        values.update(overrides)
        return mediation_open(by=by or personas.frontline, **values)

    return make


@pytest.fixture
def assigned(personas, mediation_people, open_mediation):
    """A Borgerhout mediation with its mediator assigned."""
    mediation = open_mediation()
    return mediation_assign(
        by=mediation_people.borgerhout_mc, mediation=mediation, mediator=mediation_people.mediator
    )


DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def closed_at(moment, personas, people, open_mediation) -> Mediation:
    """A mediation with a session and a checked outcome, closed at `moment`."""
    with time_machine.travel(moment - datetime.timedelta(days=30), tick=False):
        mediation = open_mediation(by=personas.frontline)
        mediation_assign(by=people.borgerhout_mc, mediation=mediation, mediator=people.mediator)
        session_record(
            by=people.mediator,
            mediation=mediation,
            held_on=timezone.localdate(),
            attended=list(mediation.parties.all()),
            summary="Gesprek met beide buren.",
        )
    with time_machine.travel(moment, tick=False):
        mediation_close(
            by=people.mediator, mediation=mediation, outcome="agreement", note="Stille uren."
        )
        aftercare_check_record(
            by=people.mediator, mediation=mediation, result="holds", note="Alles rustig."
        )
    return mediation


@pytest.fixture
def history(personas, mediation_people, open_mediation):
    old = closed_at(local(2023, 7, 31, 10, 0), personas, mediation_people, open_mediation)
    young = closed_at(local(2023, 8, 2, 10, 0), personas, mediation_people, open_mediation)
    with time_machine.travel(local(2020, 1, 6, 10, 0), tick=False):
        still_open = open_mediation(by=personas.frontline)  # old, never closed, but worked on
    with time_machine.travel(local(2026, 5, 4, 10, 0), tick=False):
        mediation_assign(
            by=mediation_people.borgerhout_mc,
            mediation=still_open,
            mediator=mediation_people.mediator,
        )
    return {"old": old, "young": young, "open": still_open}


def purge_records():
    return AuditRecord.objects.filter(object_repr__startswith="Retention: personal data")


SUMMARY = "Gesprek met beide buren over de muziek."


def idle_since(moment, people, open_mediation) -> Mediation:
    """An open mediation, assigned a month before `moment`, whose last session is at `moment`."""
    with time_machine.travel(moment - datetime.timedelta(days=30), tick=False):
        mediation = open_mediation()
        mediation_assign(by=people.borgerhout_mc, mediation=mediation, mediator=people.mediator)
    with time_machine.travel(moment, tick=False):
        session_record(
            by=people.mediator,
            mediation=mediation,
            held_on=timezone.localdate(),
            attended=list(mediation.parties.all()),
            summary=SUMMARY,
        )
    mediation.refresh_from_db()
    return mediation


def personal_data_left(mediation: Mediation) -> bool:
    mediation.refresh_from_db()
    return bool(
        mediation.description
        or mediation.parties.exclude(name="", contact="", street="").exists()
        or Session.objects.filter(mediation=mediation).exclude(summary="").exists()
    )


@pytest.fixture
def one_closed_one_idle(personas, mediation_people, open_mediation):
    closed_at(local(2023, 7, 1, 10, 0), personas, mediation_people, open_mediation)
    return idle_since(local(2023, 7, 1, 10, 0), mediation_people, open_mediation)


def local(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


NOW = local(2026, 8, 1, 4, 0)  # with three years: closed before 1 August 2023, 04:00


NOTE = "Griet zegt dat het stil blijft sinds de afspraken."


REFUSED = "the check takes no note"


def closed_unchecked(moment, people, open_mediation) -> Mediation:
    """A mediation with a session, closed at `moment` with an agreement, never checked."""
    with time_machine.travel(moment - datetime.timedelta(days=30), tick=False):
        mediation = open_mediation()
        mediation_assign(by=people.borgerhout_mc, mediation=mediation, mediator=people.mediator)
        session_record(
            by=people.mediator,
            mediation=mediation,
            held_on=timezone.localdate(),
            attended=list(mediation.parties.all()),
            summary="Gesprek met beide buren.",
        )
    with time_machine.travel(moment, tick=False):
        mediation_close(by=people.mediator, mediation=mediation, outcome="agreement")
    mediation.refresh_from_db()
    return mediation


@pytest.fixture
def removed(mediation_people, open_mediation) -> Mediation:
    """Closed before the cut-off, never checked, its party data removed by the run at NOW."""
    mediation = closed_unchecked(local(2023, 7, 31, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(NOW, tick=False):
        assert mediation_personal_data_purge(by=None).closed.mediations == 1
    mediation.refresh_from_db()
    assert mediation.personal_data_removed_at == NOW
    return mediation


@pytest.fixture
def kept(mediation_people, open_mediation) -> Mediation:
    """Closed a month before NOW, never checked: its party data is kept."""
    return closed_unchecked(local(2026, 7, 1, 10, 0), mediation_people, open_mediation)


def check_state(mediation: Mediation) -> tuple:
    mediation.refresh_from_db()
    return (
        mediation.aftercare_result,
        mediation.aftercare_note,
        mediation.aftercare_done_by_id,
        mediation.aftercare_done_at,
    )


def mediation_records(mediation: Mediation) -> int:
    return AuditRecord.objects.get_for_object(mediation).count()
