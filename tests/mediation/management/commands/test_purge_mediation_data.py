"""The purge command: a dry run counts, a run purges, a schedule queues one nightly run."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samen.mediation.models import Party
from samen.mediation.retention import expired
from tests.mediation.conftest import (
    DATABASE_TASKS,
    NOW,
    personal_data_left,
    purge_records,
)
from tests.signals.test_tasks import keep_the_test_connection, run_worker  # noqa: F401

pytestmark = pytest.mark.django_db


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


def test_the_command_removes_idle_mediations_too(one_closed_one_idle):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False), translation.override("en"):
        call_command("purge_mediation_data", stdout=out)
    assert (
        "Removed the personal data of 2 mediations (4 parties, 2 sessions): 1 closed before "
        "2023-08-01, and 1 open without activity since before 2023-08-01, now closed as lapsed"
    ) in out.getvalue()
    assert not personal_data_left(one_closed_one_idle)
    assert one_closed_one_idle.lapsed


def test_the_dry_run_counts_idle_mediations_and_changes_nothing(one_closed_one_idle):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False), translation.override("en"):
        found = expired()
        call_command("purge_mediation_data", "--dry-run", stdout=out)
    assert (found.closed.mediations, found.idle.mediations) == (1, 1)
    assert "1 closed before 2023-08-01, and 1 open without activity" in out.getvalue()
    assert personal_data_left(one_closed_one_idle) and not one_closed_one_idle.is_closed
    assert not purge_records().exists()
