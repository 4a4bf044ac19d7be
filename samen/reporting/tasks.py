"""The daily run that draws last year's report to other levels from 15 January, run by the task
worker (`samen db_worker`). It keeps itself scheduled (samen.core.nightly)."""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.reporting.actions import draw_due_report


@task()
def draw_level_report_daily() -> dict:
    """Queue the next night's run, then draw last year's draft if it is due and missing."""
    next_run = NIGHTLY.schedule()
    report = draw_due_report()
    return {
        "drawn": report.year if report else None,
        "next_run": next_run.isoformat() if next_run else None,
    }


NIGHTLY = Nightly(draw_level_report_daily, at=datetime.time(4, 0))  # after the retention runs
