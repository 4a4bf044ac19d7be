"""The tension monitor's morning run, by the task worker (`samen db_worker`): this week's early
warnings told to each district's people (samen.notifications) and published to the partners'
webhooks subscribed to them (samen.api). One run does both, before the 07:00 digests, so a
warning found in the night is in the morning's digest. It keeps itself scheduled like the
retention runs (samen.core.nightly); `samen publish_early_warnings --schedule` starts it.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.monitor.actions import early_warnings_publish
from samen.monitor.notices import early_warnings_notify


@task()
def scan_early_warnings_daily() -> dict:
    """Queue tomorrow's run, then tell each district's people of this week's warning and
    publish the warnings not yet sent to partners' systems (each district-week once)."""
    next_run = NIGHTLY.schedule()
    warned = early_warnings_notify(by=None)
    published = early_warnings_publish(by=None)
    return {
        "districts": warned,
        "warnings": published,
        "next_run": next_run.isoformat() if next_run else None,
    }


NIGHTLY = Nightly(scan_early_warnings_daily, at=datetime.time(6, 30))
