"""The nightly scan for exchanges past their answer date, run by the task worker
(`samen db_worker`). It keeps itself scheduled (samen.core.nightly); notifying of the same
overdue exchange twice changes nothing (the key is the exchange and its date)."""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.exchange.actions import overdue_exchanges_notify


@task()
def notify_overdue_exchanges_nightly() -> dict:
    """Queue the next night's run, then notify both sides of every overdue exchange."""
    next_run = NIGHTLY.schedule()
    notified = overdue_exchanges_notify(by=None)
    return {"notified": notified, "next_run": next_run.isoformat() if next_run else None}


NIGHTLY = Nightly(notify_overdue_exchanges_nightly, at=datetime.time(6, 30))
