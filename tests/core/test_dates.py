"""Calendar arithmetic that more than one module needs."""

from __future__ import annotations

import datetime

from samen.core.dates import add_months


def test_add_months_keeps_the_day_or_takes_the_month_s_last():
    assert add_months(datetime.date(2026, 1, 15), 3) == datetime.date(2026, 4, 15)
    assert add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2028, 2, 29), -36) == datetime.date(2025, 2, 28)
