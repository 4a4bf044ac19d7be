"""Retention: personal data of mediations closed long ago goes; the anonymous facts stay."""

from __future__ import annotations

import datetime
import importlib
import io

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samen.audit.models import AuditRecord
from samen.mediation.actions import (
    PartyFields,
    aftercare_check_record,
    mediation_assign,
    mediation_close,
    party_add,
    session_record,
)
from samen.mediation.checks import retention_settings_valid
from samen.mediation.forms import CloseForm
from samen.mediation.models import Mediation, Party, Session
from samen.mediation.periods import retention_cutoff, warning_cutoff
from samen.mediation.retention import mediation_personal_data_purge
from samen.mediation.tasks import next_run_time, purge_mediation_data_daily
from tests.mediation.conftest import (
    DATABASE_TASKS,
    NEIGHBOUR,
    NOW,
    RESIDENT,
    STREET,
    closed_at,
    idle_since,
    local,
    personal_data_left,
    purge_records,
)
from tests.signals.test_tasks import keep_the_test_connection, run_worker  # noqa: F401

pytestmark = pytest.mark.django_db


def test_cutoff_counts_whole_years_back_in_local_time():
    assert retention_cutoff(NOW) == local(2023, 8, 1, 4, 0)
    with override_settings(SAMEN_MEDIATION_RETENTION_YEARS=1):
        assert retention_cutoff(local(2028, 2, 29, 12, 0)) == local(2027, 2, 28, 12, 0)
    with override_settings(SAMEN_MEDIATION_RETENTION_YEARS=0), pytest.raises(ImproperlyConfigured):
        retention_cutoff(NOW)


def test_personal_data_goes_and_the_anonymous_facts_stay(history):
    old, young, still_open = history["old"], history["young"], history["open"]
    facts = (old.kind, old.district_id, old.created_at, old.closed_at, old.outcome)

    with time_machine.travel(NOW, tick=False):
        purged = mediation_personal_data_purge(by=None)
    assert (purged.mediations, purged.parties, purged.sessions) == (1, 2, 1)

    old.refresh_from_db()
    assert old.personal_data_removed_at == NOW
    assert (old.description, old.outcome_note, old.aftercare_note) == ("", "", "")
    assert set(old.parties.values_list("name", "contact", "street")) == {("", "", "")}
    assert list(Session.objects.filter(mediation=old).values_list("summary", flat=True)) == [""]
    assert (old.kind, old.district_id, old.created_at, old.closed_at, old.outcome) == facts
    assert old.aftercare_result == "holds" and old.parties.count() == 2
    assert Session.objects.get(mediation=old).attended.count() == 2  # who came, as a count

    young.refresh_from_db()
    assert young.personal_data_removed_at is None and young.outcome_note == "Stille uren."
    assert RESIDENT in young.parties.values_list("name", flat=True)
    still_open.refresh_from_db()
    assert still_open.description and still_open.personal_data_removed_at is None


def test_one_audit_record_says_what_went_and_never_the_words(history, personas):
    mediation_personal_data_purge(by=personas.admin, now=NOW)
    record = purge_records().get()
    assert record.actor == personas.admin
    assert record.content_type.model == "mediation"
    summary = record.additional_data["retention"]
    assert (summary["mediations"], summary["parties"], summary["sessions"]) == (1, 2, 1)
    assert summary["years"] == 3 and summary["cutoff"] == local(2023, 8, 1, 4, 0).isoformat()
    assert "parties.name" in record.changes and "sessions.summary" in record.changes
    written = str(record.changes) + str(record.additional_data) + record.object_repr
    assert RESIDENT not in written and "Gesprek" not in written
    assert "2023-08-01" in record.object_repr


def test_a_run_that_finds_nothing_still_leaves_its_record(personas):
    purged = mediation_personal_data_purge(by=None, now=NOW)
    assert purged.mediations == 0
    assert purge_records().get().changes == {}


def test_running_twice_purges_nothing_new(history):
    assert mediation_personal_data_purge(by=None, now=NOW).mediations == 1
    assert mediation_personal_data_purge(by=None, now=NOW).mediations == 0
    assert purge_records().count() == 2


def test_the_page_says_the_data_was_removed(client, history, mediation_people):
    mediation_personal_data_purge(by=None, now=NOW)
    client.force_login(mediation_people.mediator)
    response = client.get(
        reverse("mediation:detail", args=[history["old"].pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response.context["details"].removed
    # Nothing personal is left to read, so nothing is recorded as read.
    assert not AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).exists()


def test_the_immediate_backend_runs_the_task_once(history):
    with time_machine.travel(NOW, tick=False):
        result = purge_mediation_data_daily.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"mediations": 1, "closed": 1, "idle": 0, "next_run": None}
    assert purge_records().count() == 1


def test_next_run_is_half_past_three_in_local_time():
    assert next_run_time(local(2026, 3, 28, 23, 30)) == local(2026, 3, 29, 3, 30)


@DATABASE_TASKS
def test_with_the_database_each_run_queues_the_next_night(history):
    with time_machine.travel(NOW, tick=False):
        call_command("purge_mediation_data", "--schedule", stdout=io.StringIO())
        waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
        assert waiting.run_after == local(2026, 8, 2, 3, 30)
        run_worker()  # not due yet
        assert not purge_records().exists()
    with time_machine.travel(local(2026, 8, 2, 3, 31), tick=False):
        run_worker()
    waiting.refresh_from_db()
    assert waiting.status == TaskResultStatus.SUCCESSFUL
    assert purge_records().count() == 1
    following = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert following.run_after == local(2026, 8, 3, 3, 30)


CUTOFF = local(2023, 8, 1, 4, 0)


def stalled_intake(moment, open_mediation) -> Mediation:
    """An intake taken at `moment` that nobody picked up."""
    with time_machine.travel(moment, tick=False):
        return open_mediation()


def purge(at=NOW):
    with time_machine.travel(at, tick=False):
        return mediation_personal_data_purge(by=None)


def record_activity(kind: str, mediation: Mediation, people) -> None:
    if kind == "session":
        session_record(
            by=people.mediator,
            mediation=mediation,
            held_on=timezone.localdate(),
            attended=[],
            summary="Kort telefonisch gesprek.",
        )
    elif kind == "party":
        party_add(
            by=people.mediator,
            mediation=mediation,
            party=PartyFields(kind="resident", name="Lotte Peeters", street=STREET),
        )
    else:
        mediation_assign(by=people.borgerhout_mc, mediation=mediation, mediator=people.city_mc)


def test_an_idle_mediation_loses_its_party_data_and_lapses(mediation_people, open_mediation):
    mediation = idle_since(local(2023, 7, 31, 10, 0), mediation_people, open_mediation)
    facts = (
        mediation.kind,
        mediation.district_id,
        mediation.created_at,
        mediation.mediator_id,
        mediation.assigned_at,
        mediation.last_activity_at,
    )

    removal = purge()

    assert (removal.idle.mediations, removal.idle.parties, removal.idle.sessions) == (1, 2, 1)
    assert removal.closed.mediations == 0
    mediation.refresh_from_db()
    assert not personal_data_left(mediation)
    assert mediation.personal_data_removed_at == NOW
    assert (mediation.status, mediation.outcome) == ("closed", "lapsed")
    assert mediation.closed_at == NOW and mediation.closed_by is None
    assert mediation.aftercare_due is None and mediation.aftercare_state == ""
    assert (
        mediation.kind,
        mediation.district_id,
        mediation.created_at,
        mediation.mediator_id,
        mediation.assigned_at,
        mediation.last_activity_at,
    ) == facts
    # How many parties there were, and who came to the session, stay as counts.
    assert mediation.parties.count() == 2
    assert Session.objects.get(mediation=mediation).attended.count() == 2


def test_a_stalled_intake_goes_too(open_mediation):
    intake = stalled_intake(local(2023, 5, 2, 9, 0), open_mediation)
    assert purge().idle.mediations == 1
    assert not personal_data_left(intake)
    assert intake.status == "closed" and intake.lapsed


@pytest.mark.parametrize("activity", ["session", "party", "assignment"])
def test_activity_inside_the_period_keeps_the_party_data(
    activity, mediation_people, open_mediation
):
    mediation = idle_since(local(2022, 3, 1, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(local(2023, 8, 2, 10, 0), tick=False):
        record_activity(activity, mediation, mediation_people)

    removal = purge()

    assert removal.mediations == 0
    mediation.refresh_from_db()
    assert mediation.last_activity_at == local(2023, 8, 2, 10, 0)
    assert personal_data_left(mediation) and not mediation.is_closed
    assert RESIDENT in mediation.parties.values_list("name", flat=True)


def test_closing_and_the_aftercare_check_are_not_activity_on_an_open_mediation(
    mediation_people, open_mediation
):
    # A closed mediation counts from its closing (test_retention.py), whatever came before.
    mediation = idle_since(local(2022, 3, 1, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(local(2023, 8, 2, 10, 0), tick=False):
        mediation_close(by=mediation_people.mediator, mediation=mediation, outcome="agreement")
    assert purge().mediations == 0
    mediation.refresh_from_db()
    assert mediation.last_activity_at == local(2022, 3, 1, 10, 0)
    assert mediation.outcome == "agreement" and personal_data_left(mediation)


def test_last_activity_exactly_at_the_cutoff_is_kept_a_minute_before_is_not(
    mediation_people, open_mediation
):
    on_the_cutoff = stalled_intake(CUTOFF, open_mediation)
    just_before = stalled_intake(CUTOFF - datetime.timedelta(minutes=1), open_mediation)

    assert purge().idle.mediations == 1
    assert personal_data_left(on_the_cutoff) and not on_the_cutoff.is_closed
    assert not personal_data_left(just_before)

    # The next minute, the period has passed for the other one too.
    assert purge(NOW + datetime.timedelta(minutes=1)).idle.mediations == 1
    assert not personal_data_left(on_the_cutoff)


def test_closed_and_idle_mediations_go_in_the_same_run(personas, mediation_people, open_mediation):
    closed = closed_at(local(2023, 7, 1, 10, 0), personas, mediation_people, open_mediation)
    idle = idle_since(local(2023, 7, 1, 10, 0), mediation_people, open_mediation)
    kept = idle_since(local(2025, 1, 6, 10, 0), mediation_people, open_mediation)

    removal = purge()

    assert (removal.closed.mediations, removal.idle.mediations) == (1, 1)
    assert (removal.mediations, removal.parties, removal.sessions) == (2, 4, 2)
    closed.refresh_from_db()
    assert closed.outcome == "agreement" and closed.closed_at == local(2023, 7, 1, 10, 0)
    assert not personal_data_left(closed) and not personal_data_left(idle)
    assert personal_data_left(kept)


def test_a_rerun_changes_nothing(mediation_people, open_mediation):
    mediation = idle_since(local(2023, 1, 9, 10, 0), mediation_people, open_mediation)
    assert purge().idle.mediations == 1
    mediation.refresh_from_db()
    after_first = Mediation.objects.filter(pk=mediation.pk).values().get()

    second = purge(NOW + datetime.timedelta(days=1))

    assert (second.mediations, second.parties, second.sessions) == (0, 0, 0)
    assert Mediation.objects.filter(pk=mediation.pk).values().get() == after_first
    assert purge_records().count() == 2
    assert purge_records().order_by("-pk").first().changes == {}


def test_the_audit_record_counts_closed_and_idle_apart_and_holds_no_party_data(
    personas, mediation_people, open_mediation
):
    closed_at(local(2023, 7, 1, 10, 0), personas, mediation_people, open_mediation)
    idle_since(local(2023, 6, 1, 10, 0), mediation_people, open_mediation)
    stalled_intake(local(2023, 5, 2, 9, 0), open_mediation)

    records_before = AuditRecord.objects.count()
    mediation_personal_data_purge(by=personas.admin, now=NOW)

    record = purge_records().get()
    assert record.actor == personas.admin and record.content_type.model == "mediation"
    numbers = record.additional_data["retention"]
    assert numbers["closed"] == {"mediations": 1, "parties": 2, "sessions": 1}
    assert numbers["idle"] == {"mediations": 2, "parties": 4, "sessions": 1}
    assert (numbers["mediations"], numbers["parties"], numbers["sessions"]) == (3, 6, 2)
    assert numbers["cutoff"] == CUTOFF.isoformat() and numbers["years"] == 3
    assert "1 closed before 2023-08-01, 2 open without activity" in record.object_repr
    assert record.changes["outcome"] == ["", "lapsed"]
    assert "parties.name" in record.changes and "sessions.summary" in record.changes
    written = str(record.changes) + str(record.additional_data) + record.object_repr
    for personal in (RESIDENT, NEIGHBOUR, STREET, "0470", "Luide muziek", "Gesprek"):
        assert personal not in written
    # The run's record is the only one: the batch update leaves no per-mediation records.
    assert AuditRecord.objects.count() == records_before + 1


def test_the_nightly_task_removes_idle_mediations_too(one_closed_one_idle):
    with time_machine.travel(NOW, tick=False):
        result = purge_mediation_data_daily.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"mediations": 2, "closed": 1, "idle": 1, "next_run": None}
    assert not personal_data_left(one_closed_one_idle)
    assert purge_records().get().additional_data["retention"]["idle"]["mediations"] == 1


def test_work_started_on_a_page_opened_before_the_purge_is_refused(
    mediation_people, open_mediation
):
    stale = idle_since(local(2023, 6, 5, 10, 0), mediation_people, open_mediation)
    purge()
    with pytest.raises(ValidationError, match="closed"):
        session_record(
            by=mediation_people.mediator,
            mediation=stale,
            held_on=timezone.localdate(),
            attended=[],
            summary="Nieuwe namen na de verwijdering.",
        )
    with pytest.raises(ValidationError, match="closed"):
        party_add(
            by=mediation_people.mediator,
            mediation=stale,
            party=PartyFields(kind="resident", name="Lotte Peeters"),
        )
    assert not Session.objects.filter(summary__startswith="Nieuwe").exists()
    assert not Party.objects.filter(name="Lotte Peeters").exists()


def test_lapsed_is_not_an_outcome_a_mediator_chooses(mediation_people, assigned):
    assert "lapsed" not in dict(CloseForm().fields["outcome"].choices)
    assert not CloseForm({"outcome": "lapsed"}).is_valid()
    with pytest.raises(ValidationError, match="outcome"):
        mediation_close(by=mediation_people.mediator, mediation=assigned, outcome="lapsed")
    assigned.refresh_from_db()
    assert not assigned.is_closed


def test_a_lapsed_mediation_has_no_aftercare_check(mediation_people, open_mediation):
    mediation = idle_since(local(2023, 6, 5, 10, 0), mediation_people, open_mediation)
    purge()
    mediation.refresh_from_db()
    with pytest.raises(ValidationError, match="no aftercare check"):
        aftercare_check_record(by=mediation_people.mediator, mediation=mediation, result="holds")


def test_the_warning_must_come_before_the_end_of_the_period():
    with override_settings(SAMEN_MEDIATION_IDLE_WARNING_MONTHS=6):
        assert warning_cutoff(NOW) == local(2026, 2, 1, 4, 0)
        assert retention_settings_valid(None) == []
    for months in (0, 36, 40):
        with override_settings(SAMEN_MEDIATION_IDLE_WARNING_MONTHS=months):
            with pytest.raises(ImproperlyConfigured):
                warning_cutoff(NOW)
            assert [e.id for e in retention_settings_valid(None)] == ["mediation.E001"]


def test_existing_mediations_get_their_last_activity_from_stored_dates(
    mediation_people, open_mediation
):
    worked = idle_since(local(2023, 3, 6, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(local(2022, 5, 2, 9, 0), tick=False):
        assigned_only = open_mediation()
    with time_machine.travel(local(2022, 6, 7, 9, 0), tick=False):
        mediation_assign(
            by=mediation_people.borgerhout_mc,
            mediation=assigned_only,
            mediator=mediation_people.mediator,
        )
    intake = stalled_intake(local(2021, 9, 13, 9, 0), open_mediation)
    Mediation.objects.update(last_activity_at=NOW)
    migration = importlib.import_module("samen.mediation.migrations.0002_last_activity_and_lapsed")

    migration.last_activity_from_stored_dates(apps, None)

    found = dict(Mediation.objects.values_list("pk", "last_activity_at"))
    assert found == {
        worked.pk: local(2023, 3, 6, 10, 0),
        assigned_only.pk: local(2022, 6, 7, 9, 0),
        intake.pk: local(2021, 9, 13, 9, 0),
    }
