"""The purge command removes expired signal text now, counts with a dry run, and schedules one
nightly run."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samen.signals.models import Signal
from tests.signals.conftest import DATABASE_TASKS, NOW, local, purge_records, purge_runs

pytestmark = pytest.mark.django_db


def test_the_command_purges_now_or_counts_with_dry_run(history):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge_signal_text", "--dry-run", stdout=out)
        assert "Would remove the text of 1 signals, 1 comments and 1 follow-up notes" in (
            out.getvalue()
        )
        assert Signal.objects.get(pk=history["old"].pk).text == "Oude spanning."
        assert not purge_records().exists()

        call_command("purge_signal_text", stdout=out)
    assert "Removed the text of 1 signals recorded before 2024-08-01" in out.getvalue()
    assert Signal.objects.get(pk=history["old"].pk).text == ""
    assert purge_records().get().actor is None  # Samen itself


@DATABASE_TASKS
def test_schedule_command_queues_one_nightly_purge_however_often_it_runs():
    out = io.StringIO()
    with time_machine.travel(local(2026, 6, 1, 12, 0), tick=False):
        call_command("purge_signal_text", "--schedule", stdout=out)
        call_command("purge_signal_text", "--schedule", stdout=out)
    assert "Queued the nightly purge for 2026-06-02 03:00." in out.getvalue()
    assert "already queued for 2026-06-02 03:00" in out.getvalue()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    assert purge_runs() == 0  # scheduling purges nothing by itself


def test_schedule_command_refuses_a_backend_that_cannot_wait():
    with pytest.raises(CommandError, match="cannot schedule"):
        call_command("purge_signal_text", "--schedule", stdout=io.StringIO())
