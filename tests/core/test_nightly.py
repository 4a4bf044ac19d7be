"""Tasks that keep themselves scheduled (samen/core/nightly.py)."""

import datetime
import zoneinfo

import pytest
from django.core.management.base import CommandError

from samen.core.nightly import Nightly, local_minute
from samen.mediation.tasks import purge_mediation_data_daily

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
NIGHTLY = Nightly(purge_mediation_data_daily, at=datetime.time(3, 30))


def test_the_next_run_is_tomorrow_at_its_hour_across_daylight_saving(settings):
    settings.TIME_ZONE = "Europe/Brussels"
    evening = datetime.datetime(2026, 3, 28, 22, 0, tzinfo=BRUSSELS)
    run = NIGHTLY.next_run_time(evening)
    assert run.date() == datetime.date(2026, 3, 29)
    assert (run.hour, run.minute) == (3, 30)
    assert run.utcoffset() == datetime.timedelta(hours=2)


def test_with_the_immediate_backend_nothing_is_queued_and_by_hand_is_refused(db):
    assert not NIGHTLY.can_schedule()
    assert NIGHTLY.schedule() is None
    assert NIGHTLY.queued() is None
    with pytest.raises(CommandError):
        NIGHTLY.schedule_by_hand()


def test_a_moment_is_printed_in_local_time_to_the_minute(settings):
    settings.TIME_ZONE = "Europe/Brussels"
    moment = datetime.datetime(2026, 7, 1, 1, 30, 59, tzinfo=datetime.UTC)
    assert local_minute(moment) == "2026-07-01 03:30"
