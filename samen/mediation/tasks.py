"""The nightly purge of mediations' personal data, run by the task worker (`samen db_worker`).

It keeps itself scheduled like the signals' purge (samen.core.nightly).
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.mediation.retention import mediation_personal_data_purge


@task()
def purge_mediation_data_daily() -> dict:
    """Queue the next night's run, then remove personal data past its retention period."""
    next_run = NIGHTLY.schedule()
    removal = mediation_personal_data_purge(by=None)
    return {
        "mediations": removal.mediations,
        "closed": removal.closed.mediations,
        "idle": removal.idle.mediations,
        "next_run": next_run.isoformat() if next_run else None,
    }


# Half an hour after the signals' purge, so the two do not contend for the database.
NIGHTLY = Nightly(purge_mediation_data_daily, at=datetime.time(3, 30))
next_run_time = NIGHTLY.next_run_time
queued_purge = NIGHTLY.queued
can_schedule = NIGHTLY.can_schedule
schedule_purge = NIGHTLY.schedule
