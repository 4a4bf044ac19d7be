import datetime
import zoneinfo

import time_machine

from samen.core.weeks import Period, last_weeks, week_of


def test_a_week_starts_on_monday_in_the_city_time_zone():
    assert week_of(datetime.date(2026, 11, 29)) == datetime.date(2026, 11, 23)
    # Sunday 23:30 in UTC is already Monday in Antwerp.
    late = datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC)
    assert week_of(late) == datetime.date(2026, 11, 30)


def test_a_period_lists_its_mondays_and_ends_the_day_after():
    period = Period(datetime.date(2026, 11, 9), datetime.date(2026, 11, 23))
    assert period.weeks == [datetime.date(2026, 11, d) for d in (9, 16, 23)]
    assert period.end == datetime.date(2026, 11, 30)


@time_machine.travel(
    datetime.datetime(2026, 12, 2, 12, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
)
def test_the_last_weeks_include_the_current_one():
    assert last_weeks(4).weeks[-1] == datetime.date(2026, 11, 30)
    assert len(last_weeks(4).weeks) == 4
