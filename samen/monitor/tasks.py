"""Background work of the tension monitor, run by the task worker (`samen db_worker`): the
early warnings published to partners' webhooks every morning (samen.core.nightly)."""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.monitor.actions import early_warnings_publish


@task()
def publish_early_warnings_daily() -> dict:
    """Queue tomorrow's run, then publish the districts' early warnings not yet sent."""
    next_run = NIGHTLY.schedule()
    found = early_warnings_publish(by=None)
    return {"warnings": found, "next_run": next_run.isoformat() if next_run else None}


NIGHTLY = Nightly(publish_early_warnings_daily, at=datetime.time(6, 0))  # before the workday
