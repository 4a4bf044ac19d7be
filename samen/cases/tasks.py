"""The nightly run of the case consultation, run by the task worker: retention, the record
of grants that lapsed for want of re-confirmation (access never waits for it), and the
notifications of reviews coming due.

It keeps itself scheduled like the signals' purge (samen.core.nightly).
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.cases.actions.calls import reviews_remind
from samen.cases.actions.table import grant_lapses_record
from samen.cases.retention import case_retention_run
from samen.core.nightly import Nightly


@task()
def case_retention_daily() -> dict:
    """Queue the next night's run, then anonymise and delete what has expired, and record
    each seat, delegation and invitation that lapsed since the last run."""
    next_run = NIGHTLY.schedule()
    run = case_retention_run(by=None)
    lapses = grant_lapses_record(by=None)
    reviews = reviews_remind(by=None)
    return {
        "lapsed_grants": lapses,
        "reviews_due": reviews,
        "cases": run.cases,
        "referrals": run.referrals,
        "pending_referrals": run.pending_referrals,
        "next_run": next_run.isoformat() if next_run else None,
    }


NIGHTLY = Nightly(case_retention_daily, at=datetime.time(3, 30))  # after the signals' purge
next_run_time = NIGHTLY.next_run_time
queued_run = NIGHTLY.queued
can_schedule = NIGHTLY.can_schedule
schedule_run = NIGHTLY.schedule
