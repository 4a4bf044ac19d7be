"""The morning scan for early warnings, run by the task worker (`samen db_worker`).

It keeps itself scheduled like the retention runs (samen.core.nightly), half an hour before
the notification digests, so a warning found in the night is in the morning's digest.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.monitor.notices import early_warnings_notify


@task()
def scan_early_warnings_daily() -> dict:
    """Queue tomorrow's scan, then tell each district's people of this week's warning."""
    next_run = NIGHTLY.schedule()
    warned = early_warnings_notify(by=None)
    return {"districts": warned, "next_run": next_run.isoformat() if next_run else None}


NIGHTLY = Nightly(scan_early_warnings_daily, at=datetime.time(6, 30))
