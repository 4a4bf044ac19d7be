"""The filters shared by the signal list, the exports and the tension monitor
(samen/signals/filters.py)."""

import datetime

import pytest
from django.utils import timezone

from samen.core.weeks import Period, last_weeks
from samen.signals.filters import MonitorFilterForm, SignalFilterForm
from samen.signals.models import Category, Signal

pytestmark = pytest.mark.django_db


def errors_of(data) -> list[str]:
    form = SignalFilterForm(data)
    assert not form.is_valid()
    return form.non_field_errors()


def test_a_chosen_period_needs_both_dates_in_order_and_at_most_five_years():
    assert errors_of({"period": "custom", "since": "2026-01-05"}) == [
        "Give both dates of the period."
    ]
    assert errors_of({"period": "custom", "since": "2026-02-01", "until": "2026-01-01"}) == [
        "The period ends before it starts."
    ]
    assert errors_of({"period": "custom", "since": "2020-01-01", "until": "2026-01-01"}) == [
        "Choose a period of at most five years."
    ]


def test_the_period_is_the_weeks_chosen_or_the_pages_default():
    assert SignalFilterForm({}).chosen_period == last_weeks(12)
    assert SignalFilterForm({}, default_weeks=52).chosen_period == last_weeks(52)
    assert SignalFilterForm({"period": "4"}).chosen_period == last_weeks(4)
    custom = SignalFilterForm({"period": "custom", "since": "2026-03-04", "until": "2026-03-20"})
    assert custom.chosen_period == Period(datetime.date(2026, 3, 2), datetime.date(2026, 3, 16))


def test_only_categories_not_their_groups_can_be_chosen():
    offered = SignalFilterForm().fields["category"].queryset
    assert offered.filter(code="racism").exists()
    assert not offered.filter(parent__isnull=True).exists()


def test_the_filters_narrow_the_signals(personas, file_signal):
    racism = Category.objects.get(code="racism")
    mild = file_signal(personas.frontline, personas.borgerhout, severity=1)
    serious = file_signal(personas.frontline, personas.borgerhout, severity=3, categories=[racism])
    elsewhere = file_signal(personas.other_frontline, personas.berchem, severity=4)
    long_ago = file_signal(
        personas.frontline,
        personas.borgerhout,
        severity=4,
        occurred_at=timezone.now() - datetime.timedelta(weeks=20),
    )
    everything = Signal.objects.all()

    def narrowed(**data):
        return set(SignalFilterForm(data).apply(everything))

    assert narrowed() == {mild, serious, elsewhere}
    assert narrowed(period="52") == {mild, serious, elsewhere, long_ago}
    assert narrowed(severity="3") == {serious, elsewhere}
    assert narrowed(category=racism.pk) == {serious}
    assert narrowed(district=personas.berchem.pk) == {elsewhere}
    assert narrowed(status="closed") == set()
    assert narrowed(severity="9") == set()  # an invalid filter shows nothing, not everything


def test_the_monitor_asks_neither_district_nor_status_and_shows_its_own_period():
    form = MonitorFilterForm({}, default_weeks=52)
    assert "district" not in form.fields and "status" not in form.fields
    assert form.is_valid() and form.cleaned_data["period"] == "52"
    assert form.chosen_period == last_weeks(52)
    assert "severity" not in MonitorFilterForm({}, with_severity=False).fields
