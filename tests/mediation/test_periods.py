"""The retention and idle-warning periods, and the settings they refuse."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured

from samen.mediation import periods
from samen.mediation.periods import idle_removal_on
from tests.mediation.conftest import NOW as RUN_NIGHT
from tests.mediation.conftest import closed_at, local
from tests.mediation.test_retention import stalled_intake

NOW = datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC)


def test_the_cutoffs_lie_the_periods_before_now(settings):
    settings.SAMEN_MEDIATION_RETENTION_YEARS = 3
    settings.SAMEN_MEDIATION_IDLE_WARNING_MONTHS = 24
    assert periods.retention_cutoff(NOW).date() == datetime.date(2023, 6, 15)
    assert periods.warning_cutoff(NOW).date() == datetime.date(2024, 6, 15)


def test_a_retention_under_a_year_is_refused(settings):
    settings.SAMEN_MEDIATION_RETENTION_YEARS = 0
    with pytest.raises(ImproperlyConfigured):
        periods.retention_years()


@pytest.mark.parametrize("months", [0, 36, 40])
def test_a_warning_outside_the_retention_period_is_refused(settings, months):
    settings.SAMEN_MEDIATION_RETENTION_YEARS = 3
    settings.SAMEN_MEDIATION_IDLE_WARNING_MONTHS = months
    with pytest.raises(ImproperlyConfigured):
        periods.idle_warning_months()


def test_a_warning_inside_the_retention_period_is_taken(settings):
    settings.SAMEN_MEDIATION_RETENTION_YEARS = 3
    settings.SAMEN_MEDIATION_IDLE_WARNING_MONTHS = 35
    assert periods.idle_warning_months() == 35


@pytest.mark.django_db
def test_a_removal_day_already_passed_reads_as_the_next_run(mediation_people, open_mediation):
    # The nightly run has not come yet (or the worker was stopped): the day is today.
    mediation = stalled_intake(local(2023, 7, 1, 9, 0), open_mediation)
    with time_machine.travel(RUN_NIGHT, tick=False):
        assert idle_removal_on(mediation) == datetime.date(2026, 8, 1)


@pytest.mark.django_db
def test_closed_mediations_show_no_idle_warning(personas, mediation_people, open_mediation):
    mediation = closed_at(local(2024, 1, 8, 10, 0), personas, mediation_people, open_mediation)
    with time_machine.travel(RUN_NIGHT, tick=False):
        assert idle_removal_on(mediation) is None
