"""Background tasks of the signals module, run by the task worker (`samen db_worker`).

The daily purge keeps itself scheduled (samen.core.nightly).
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.signals.retention import signal_text_purge


@task()
def purge_signal_text_daily() -> dict:
    """Queue the next night's run, then purge text past its retention period."""
    next_run = NIGHTLY.schedule()
    purged = signal_text_purge(by=None)
    return {"signals": purged, "next_run": next_run.isoformat() if next_run else None}


NIGHTLY = Nightly(purge_signal_text_daily, at=datetime.time(3, 0))  # a quiet hour
next_run_time = NIGHTLY.next_run_time
queued_purge = NIGHTLY.queued
can_schedule = NIGHTLY.can_schedule
schedule_purge = NIGHTLY.schedule
