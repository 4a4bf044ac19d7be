"""The nightly record of elevated roles that lapsed, run by the task worker (`samen db_worker`).

It keeps itself scheduled (samen.core.nightly). A lapse takes effect on its day whether or
not this ran; the task only writes it into the audit trail.
"""

from __future__ import annotations

import datetime

from django_tasks import task

from samen.core.nightly import Nightly
from samen.people.actions import role_lapses_record


@task()
def record_role_lapses_nightly() -> dict:
    """Queue the next night's run, then record the roles that lapsed since the last."""
    next_run = NIGHTLY.schedule()
    lapsed = role_lapses_record(by=None)
    return {"lapsed": len(lapsed), "next_run": next_run.isoformat() if next_run else None}


NIGHTLY = Nightly(record_role_lapses_nightly, at=datetime.time(2, 45))
