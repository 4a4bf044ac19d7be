"""Retention: personal data of mediations closed long ago goes; the anonymous facts stay."""

from __future__ import annotations

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samen.audit.models import AuditRecord
from samen.mediation.actions import (
    aftercare_check_record,
    mediation_assign,
    mediation_close,
    session_record,
)
from samen.mediation.models import Mediation, Party, Session
from samen.mediation.periods import retention_cutoff
from samen.mediation.retention import expired, mediation_personal_data_purge
from samen.mediation.tasks import next_run_time, purge_mediation_data_daily
from tests.mediation.conftest import RESIDENT
from tests.signals.test_tasks import keep_the_test_connection, run_worker  # noqa: F401

pytestmark = pytest.mark.django_db
DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def local(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


NOW = local(2026, 8, 1, 4, 0)  # with three years: closed before 1 August 2023, 04:00


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


def test_dry_run_counts_and_changes_nothing(history):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        assert expired().mediations == 1
        call_command("purge_mediation_data", "--dry-run", stdout=out)
    assert "Would remove the personal data of 1 mediations (2 parties, 1 sessions)" in (
        out.getvalue()
    )
    assert Party.objects.exclude(name="").count() == 6
    assert not purge_records().exists()


def test_the_command_purges_now(history):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_mediation_data", stdout=out)
    assert "Removed the personal data of 1 mediations" in out.getvalue()
    assert purge_records().count() == 1


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


@DATABASE_TASKS
def test_schedule_command_queues_one_purge_however_often_it_runs():
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_mediation_data", "--schedule", stdout=out)
        call_command("purge_mediation_data", "--schedule", stdout=out)
    assert "Queued the nightly purge of mediation data for 2026-08-02 03:30." in out.getvalue()
    assert "already queued" in out.getvalue()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


def test_schedule_command_refuses_a_backend_that_cannot_wait():
    with pytest.raises(CommandError, match="cannot schedule"):
        call_command("purge_mediation_data", "--schedule", stdout=io.StringIO())
