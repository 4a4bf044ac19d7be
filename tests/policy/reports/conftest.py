"""The yearly reports' figures are read on a day in June (the plan with figures whose report
is known, `figures_world`, is in tests/policy/conftest.py)."""

from __future__ import annotations

import datetime

import pytest
import time_machine

JUNE_15 = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(JUNE_15, tick=False):
        yield
