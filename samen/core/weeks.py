"""Weeks, as the signals and the tension monitor count them: Monday to Sunday, city time."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone


def week_of(moment: datetime.datetime | datetime.date) -> datetime.date:
    """The Monday of the ISO week a moment (in the city's time zone) falls in."""
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment).date()
    return moment - datetime.timedelta(days=moment.weekday())


@dataclass(frozen=True)
class Period:
    """Whole weeks, Monday `first` up to and including the week starting `last`."""

    first: datetime.date
    last: datetime.date

    @property
    def weeks(self) -> list[datetime.date]:
        count = (self.last - self.first).days // 7 + 1
        return [self.first + datetime.timedelta(weeks=n) for n in range(count)]

    @property
    def end(self) -> datetime.date:
        """The first day after the period."""
        return self.last + datetime.timedelta(days=7)


def last_weeks(count: int, today: datetime.date | None = None) -> Period:
    """The `count` weeks up to and including the current one."""
    this_week = week_of(today or timezone.localdate())
    return Period(this_week - datetime.timedelta(weeks=count - 1), this_week)
