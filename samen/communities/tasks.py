"""The morning reminder of restore actions, run by the task worker (`samen db_worker`).

It keeps itself scheduled like the retention runs (samen.core.nightly), before the
notification digests at 07:00, so a reminder is in the morning's digest.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.communities.reminders import restore_actions_remind
from samen.core.nightly import Nightly


@task()
def remind_restore_actions_daily() -> dict:
    """Queue tomorrow's run, then remind the owners of actions due or overdue."""
    next_run = NIGHTLY.schedule()
    looked_at = restore_actions_remind(by=None)
    return {"actions": looked_at, "next_run": next_run.isoformat() if next_run else None}


NIGHTLY = Nightly(remind_restore_actions_daily, at=datetime.time(6, 40))
