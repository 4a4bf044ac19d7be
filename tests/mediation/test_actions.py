"""The life of a mediation: intake, assignment, sessions, outcome, aftercare check."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.mediation.actions import (
    PartyFields,
    aftercare_check_record,
    coordinator_designate,
    coordinator_end,
    mediation_assign,
    mediation_close,
    party_add,
    session_record,
)
from samen.mediation.models import Mediation, MediationCoordinator, Party, Session
from samen.mediation.retention import mediation_personal_data_purge
from samen.notifications.models import Notification
from samen.places.models import Place
from tests.mediation.conftest import (
    NEIGHBOUR,
    NOTE,
    NOW,
    REFUSED,
    RESIDENT,
    STREET,
    check_state,
    closed_unchecked,
    local,
    mediation_records,
)

pytestmark = pytest.mark.django_db


def at(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


def records_by(person) -> int:
    return AuditRecord.objects.filter(actor=person).count()


def test_a_mediation_goes_from_intake_to_its_aftercare_check(
    personas, mediation_people, open_mediation
):
    mediator, coordinator = mediation_people.mediator, mediation_people.borgerhout_mc
    with time_machine.travel(at(2026, 3, 2, 9, 0), tick=False):
        mediation = open_mediation(by=personas.frontline)
    assert mediation.status == Mediation.Status.INTAKE
    assert mediation.created_by == personas.frontline
    assert mediation.created_at == at(2026, 3, 2, 9, 0)
    assert mediation.parties.count() == 2

    with time_machine.travel(at(2026, 3, 3, 10, 0), tick=False):
        mediation_assign(by=coordinator, mediation=mediation, mediator=mediator)
    mediation.refresh_from_db()
    assert mediation.status == Mediation.Status.ASSIGNED
    assert (mediation.mediator, mediation.assigned_by) == (mediator, coordinator)
    assert mediation.assigned_at == at(2026, 3, 3, 10, 0)

    with time_machine.travel(at(2026, 3, 10, 18, 0), tick=False):
        first, second = mediation.parties.all()
        session = session_record(
            by=mediator,
            mediation=mediation,
            held_on=datetime.date(2026, 3, 10),
            attended=[first],
            summary="Eerste gesprek met mevrouw; de buurman kwam niet.",
        )
    mediation.refresh_from_db()
    assert mediation.status == Mediation.Status.IN_SESSIONS
    assert list(session.attended.all()) == [first]
    assert session.recorded_by == mediator

    with time_machine.travel(at(2026, 3, 31, 11, 0), tick=False):
        mediation_close(by=mediator, mediation=mediation, outcome="agreement", note="Stille uren.")
    mediation.refresh_from_db()
    assert mediation.status == Mediation.Status.CLOSED
    assert (mediation.outcome, mediation.closed_by) == ("agreement", mediator)
    assert mediation.closed_at == at(2026, 3, 31, 11, 0)
    # Three months after closing; 31 March has no 31 June, so the last day of June.
    assert mediation.aftercare_due == datetime.date(2026, 6, 30)

    with time_machine.travel(at(2026, 6, 20, 9, 0), tick=False):
        assert mediation.aftercare_state == "due"
    with time_machine.travel(at(2026, 7, 2, 9, 0), tick=False):
        assert mediation.aftercare_state == "overdue"
        aftercare_check_record(by=coordinator, mediation=mediation, result="holds")
    mediation.refresh_from_db()
    assert mediation.aftercare_state == "done"
    assert mediation.aftercare_done_by == coordinator
    assert mediation.aftercare_done_at == at(2026, 7, 2, 9, 0)

    # Each step left its audit record, attributed to the person who took it.
    assert records_by(personas.frontline) >= 3  # the mediation and its two parties
    assert records_by(coordinator) >= 2 and records_by(mediator) >= 3


def test_party_fields_stand_in_the_trail_redacted(personas, open_mediation):
    mediation = open_mediation()
    party = mediation.parties.first()
    record = AuditRecord.objects.get(content_type__model="party", object_pk=str(party.pk))
    assert record.changes["name"][1] == "[redacted]"
    assert record.changes["street"][1] == "[redacted]"
    assert RESIDENT not in str(record.changes) + record.object_repr
    created = AuditRecord.objects.get(content_type__model="mediation", object_pk=str(mediation.pk))
    assert created.changes["description"][1] == "[redacted]"


def test_session_attendance_is_recorded_without_names(personas, assigned, mediation_people):
    session_record(
        by=mediation_people.mediator,
        mediation=assigned,
        held_on=timezone.localdate(),
        attended=list(assigned.parties.all()),
        summary="Goed gesprek.",
    )
    trail = str(list(AuditRecord.objects.filter(content_type__model="session").values("changes")))
    assert "attended" in trail and RESIDENT not in trail and "Goed gesprek" not in trail


def test_a_house_number_is_refused_and_nothing_is_stored(personas, open_mediation):
    before = (Mediation.objects.count(), Party.objects.count(), AuditRecord.objects.count())
    bad = [PartyFields(kind="resident", name="Els Peeters", street="Kroonstraat 12")]
    with pytest.raises(ValidationError) as error:
        open_mediation(parties=bad)
    assert "street name only" in str(error.value)
    assert (Mediation.objects.count(), Party.objects.count(), AuditRecord.objects.count()) == before


def test_an_address_to_the_door_in_free_text_is_refused_with_a_quote(personas, open_mediation):
    with pytest.raises(ValidationError) as error:
        open_mediation(description="Lawaai bij Kroonstraat 12, elke nacht.")
    assert "“Kroonstraat 12”" in str(error.value)
    assert not Mediation.objects.exists()


@pytest.mark.parametrize(
    "party",
    [
        PartyFields(kind="resident", name="Jan Peeters Kroonstraat 12", street="Kroonstraat"),
        PartyFields(kind="resident", name="Jan Peeters", contact="Kroonstraat 12 bus 3"),
    ],
)
def test_an_address_hidden_in_a_partys_name_or_contact_is_refused(personas, open_mediation, party):
    with pytest.raises(ValidationError) as error:
        open_mediation(parties=[party])
    assert "Kroonstraat 12" in str(error.value)
    assert not Mediation.objects.exists() and not Party.objects.exists()


@pytest.mark.parametrize(
    "text", ["Lawaai op Kroonstraat12.", "Carnotstraat, 12 klaagt", "Bel aan op huisnr. 12"]
)
def test_house_numbers_written_closely_are_caught_too(personas, open_mediation, text):
    with pytest.raises(ValidationError):
        open_mediation(description=text)
    assert not Mediation.objects.exists()


def test_bad_intake_input_names_every_problem(personas, open_mediation):
    neighbourhood = Place.objects.create(
        kind="neighbourhood", code="11002T99", name_nl="Elders", parent=personas.berchem
    )
    with pytest.raises(ValidationError) as error:
        open_mediation(kind="thunder", neighbourhood=neighbourhood, parties=[])
    problems = error.value.message_dict
    assert set(problems) == {"kind", "neighbourhood", "__all__"}
    assert not Mediation.objects.exists()


def test_intake_is_for_the_district_or_its_coordinators(personas, mediation_people, open_mediation):
    with pytest.raises(PermissionDenied):
        open_mediation(by=personas.other_frontline)  # Berchem worker, Borgerhout dispute
    with pytest.raises(PermissionDenied):
        open_mediation(by=personas.admin)
    assert open_mediation(by=mediation_people.borgerhout_mc).district == personas.borgerhout
    assert open_mediation(by=personas.coordinator).created_by == personas.coordinator


def test_sessions_need_a_mediator_a_past_date_and_this_mediation_s_parties(
    personas, mediation_people, open_mediation, assigned
):
    waiting = open_mediation()
    with pytest.raises(ValidationError, match="Assign a mediator"):
        session_record(
            by=mediation_people.city_mc,
            mediation=waiting,
            held_on=timezone.localdate(),
            attended=[],
            summary="x",
        )
    stranger = waiting.parties.first()
    with pytest.raises(ValidationError) as error:
        session_record(
            by=mediation_people.mediator,
            mediation=assigned,
            held_on=timezone.localdate() + datetime.timedelta(days=1),
            attended=[stranger],
            summary=" ",
        )
    assert set(error.value.message_dict) == {"held_on", "attended", "summary"}
    assert not Session.objects.exists()
    assigned.refresh_from_db()
    assert assigned.status == Mediation.Status.ASSIGNED


def test_a_closed_mediation_takes_no_more_work(personas, mediation_people, assigned):
    mediator = mediation_people.mediator
    mediation_close(by=mediator, mediation=assigned, outcome="none")
    for act in (
        lambda: mediation_close(by=mediator, mediation=assigned, outcome="agreement"),
        lambda: party_add(
            by=mediator, mediation=assigned, party=PartyFields(kind="group", name="Vzw")
        ),
        lambda: mediation_assign(
            by=mediation_people.city_mc, mediation=assigned, mediator=mediator
        ),
    ):
        with pytest.raises(ValidationError, match="closed"):
            act()
    aftercare_check_record(by=mediator, mediation=assigned, result="unreachable")
    with pytest.raises(ValidationError, match="already"):
        aftercare_check_record(by=mediator, mediation=assigned, result="holds")


def test_the_aftercare_check_waits_for_closing(mediation_people, assigned):
    with pytest.raises(ValidationError, match="after the mediation is closed"):
        aftercare_check_record(by=mediation_people.mediator, mediation=assigned, result="holds")


def test_an_unknown_outcome_is_refused(mediation_people, assigned):
    with pytest.raises(ValidationError):
        mediation_close(by=mediation_people.mediator, mediation=assigned, outcome="peace")
    assigned.refresh_from_db()
    assert assigned.status == Mediation.Status.ASSIGNED


def test_only_staff_who_mediate_can_be_mediators(personas, mediation_people, open_mediation):
    mediation = open_mediation()
    with pytest.raises(ValidationError):
        mediation_assign(by=mediation_people.city_mc, mediation=mediation, mediator=personas.admin)
    with pytest.raises(PermissionDenied):
        mediation_assign(by=personas.coordinator, mediation=mediation, mediator=personas.frontline)


def test_administrators_designate_coordinators_but_cannot_be_one(personas):
    with pytest.raises(ValidationError):
        coordinator_designate(by=personas.admin, user=personas.admin)
    with pytest.raises(PermissionDenied):
        coordinator_designate(by=personas.coordinator, user=personas.frontline)
    duty = coordinator_designate(by=personas.admin, user=personas.frontline)
    with pytest.raises(ValidationError):
        coordinator_designate(by=personas.admin, user=personas.frontline)  # twice city-wide
    coordinator_end(by=personas.admin, coordination=duty)
    assert not MediationCoordinator.objects.exists()
    ended = AuditRecord.objects.filter(
        content_type__model="mediationcoordinator", action=AuditRecord.Action.DELETE
    )
    assert ended.get().actor == personas.admin


def test_only_the_mediator_is_told_and_the_text_names_nobody(assigned, mediation_people):
    (notification,) = Notification.objects.all()
    assert notification.recipient == mediation_people.mediator
    assert notification.url == f"/mediation/{assigned.pk}/"
    assert notification.params == {}
    for detail in (RESIDENT, NEIGHBOUR, STREET, "noise", "Kroonstraat"):
        assert detail not in notification.text
    assert notification.text == "A mediation is assigned to you"


def test_assigning_yourself_tells_nobody_and_a_new_mediator_is_told(
    personas, mediation_people, open_mediation
):
    mediation = open_mediation()
    mc = mediation_people.borgerhout_mc
    mediation_assign(by=mc, mediation=mediation, mediator=mc)
    assert not Notification.objects.exists()
    mediation_assign(
        by=mediation_people.borgerhout_mc, mediation=mediation, mediator=mediation_people.mediator
    )
    assert [n.recipient for n in Notification.objects.all()] == [mediation_people.mediator]


def test_a_note_is_refused_once_the_party_data_is_removed_and_nothing_changes(
    mediation_people, removed
):
    before, records = check_state(removed), mediation_records(removed)
    with time_machine.travel(NOW, tick=False), pytest.raises(ValidationError) as refused:
        aftercare_check_record(
            by=mediation_people.mediator, mediation=removed, result="holds", note=NOTE
        )
    assert REFUSED in " ".join(refused.value.message_dict["note"])
    assert check_state(removed) == before == ("", "", None, None)
    assert mediation_records(removed) == records


def test_a_mediation_loaded_before_the_purge_is_checked_as_the_database_has_it(
    mediation_people, open_mediation
):
    stale = closed_unchecked(local(2023, 7, 31, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(NOW, tick=False):
        mediation_personal_data_purge(by=None)
        assert stale.personal_data_removed_at is None  # the page was opened before the run
        with pytest.raises(ValidationError, match=REFUSED):
            aftercare_check_record(
                by=mediation_people.mediator, mediation=stale, result="holds", note=NOTE
            )
    assert check_state(stale) == ("", "", None, None)


def test_the_result_alone_is_still_recorded_after_the_removal(mediation_people, removed):
    coordinator = mediation_people.borgerhout_mc
    with time_machine.travel(NOW, tick=False):
        aftercare_check_record(by=coordinator, mediation=removed, result="unreachable", note="  ")
    assert check_state(removed) == ("unreachable", "", coordinator.pk, NOW)
    assert removed.aftercare_state == "done"


def test_before_the_removal_the_check_takes_its_note(mediation_people, kept):
    with time_machine.travel(NOW, tick=False):
        aftercare_check_record(
            by=mediation_people.mediator, mediation=kept, result="holds", note=NOTE
        )
    assert check_state(kept) == ("holds", NOTE, mediation_people.mediator.pk, NOW)
