"""The tension level a coordinator records (samen/monitor/forms.py)."""

import datetime

import pytest
from django.utils import timezone, translation

from samen.core.weeks import week_of
from samen.monitor.forms import CHOOSABLE_WEEKS, TensionLevelForm, week_choices


def test_the_weeks_offered_are_this_one_and_the_seven_before():
    choices = week_choices(datetime.date(2026, 12, 3))  # a Thursday
    assert len(choices) == CHOOSABLE_WEEKS == 8
    assert choices[0][0] == "2026-11-30" and choices[-1][0] == "2026-10-12"
    assert str(choices[0][1]) == "week 49, from 30 November 2026"
    with translation.override("nl"):
        assert (
            str(week_choices(datetime.date(2026, 12, 3))[0][1]) == "week 49, vanaf 30 november 2026"
        )


def test_a_new_form_proposes_this_week():
    this_week = week_of(timezone.localdate())
    assert TensionLevelForm().fields["week"].initial == this_week.isoformat()


def test_a_good_level_is_read_as_a_week_and_a_number():
    this_week = week_of(timezone.localdate())
    form = TensionLevelForm(
        {"week": this_week.isoformat(), "level": "3", "rationale": "Meer onrust op het plein."}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["week"] == this_week
    assert form.cleaned_data["level"] == 3


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"level": "5"}, "level"),
        ({"rationale": ""}, "rationale"),
        ({"week": "2020-01-06"}, "week"),  # long past: not offered
        ({"week": "2026-13-01"}, "week"),
    ],
)
def test_a_level_outside_the_choices_or_without_rationale_is_refused(data, field):
    values = {
        "week": week_of(timezone.localdate()).isoformat(),
        "level": "2",
        "rationale": "Rustig.",
    }
    values.update(data)
    form = TensionLevelForm(values)
    assert not form.is_valid()
    assert list(form.errors) == [field]
