"""What the signals module adds to the home page, the district page and a district's tension
monitor (samen/signals/panels.py)."""

import pytest
from django.test import RequestFactory

from samen.core.follow_ups import reference_shown, reference_url
from samen.signals.actions import signal_follow_up, signal_review
from samen.signals.filters import MonitorFilterForm
from samen.signals.models import Category, FollowUp
from samen.signals.panels import (
    categories_in_use,
    latest_signals,
    monitor_signals,
    report_a_signal,
)

pytestmark = pytest.mark.django_db


def request_of(user, query=None):
    request = RequestFactory().get("/", query or {})
    request.user = user
    return request


def test_home_lists_the_five_signals_i_filed_last(personas, file_signal):
    mine = [file_signal(personas.frontline, personas.borgerhout) for _ in range(6)]
    file_signal(personas.other_frontline, personas.berchem)
    panel = report_a_signal(request_of(personas.frontline))
    assert list(panel["my_signals"]) == mine[::-1][:5]
    assert not report_a_signal(request_of(personas.analyst))["my_signals"]


def test_the_district_page_lists_the_signals_the_reader_may_see(personas, signals):
    coordinator = latest_signals(request_of(personas.coordinator), personas.borgerhout)
    assert list(coordinator["signals"]) == [signals["borgerhout"]]
    assert coordinator["district_pk"] == personas.borgerhout.pk
    berchem_for_frontline = latest_signals(request_of(personas.frontline), personas.berchem)
    assert list(berchem_for_frontline["signals"]) == [signals["own"]]  # only the one she filed
    assert not latest_signals(request_of(personas.partner), personas.borgerhout)["signals"]


def test_the_monitor_lists_signals_and_open_follow_ups_as_far_as_the_reader_sees(personas, signals):
    for name in ("berchem", "own"):
        signal_review(by=personas.analyst, signal=signals[name])
        signal_follow_up(by=personas.analyst, signal=signals[name], kind=FollowUp.Kind.MEDIATION)
    form = MonitorFilterForm({})

    whole = monitor_signals(request_of(personas.analyst), personas.berchem, form)
    assert set(whole["signals"]) == {signals["berchem"], signals["own"], signals["shared"]}
    assert whole["follow_up_count"] == 2
    assert f"district={personas.berchem.pk}" in whole["signals_url"]

    # The Borgerhout worker sees in Berchem only the signal she filed, and its follow-up.
    part = monitor_signals(request_of(personas.frontline), personas.berchem, form)
    assert list(part["signals"]) == [signals["own"]]
    assert part["follow_up_count"] == 1
    assert [f.signal for f in part["follow_ups"]] == [signals["own"]]


def test_the_monitor_list_follows_its_filters(personas, signals):
    serious = Category.objects.get(code="racism")
    form = MonitorFilterForm({"category": serious.pk})
    panel = monitor_signals(request_of(personas.analyst), personas.berchem, form)
    assert not panel["signals"]


def test_other_modules_tag_with_the_categories_in_use_not_their_groups():
    Category.objects.filter(code="housing").update(is_active=False)
    in_use = {code: (name, group) for code, name, group in categories_in_use()}
    assert in_use["racism"] == ("Racism and discrimination", "Polarisation theme")
    assert "housing" not in in_use and "polarisation" not in in_use


def test_another_record_refers_to_a_signal_only_for_those_who_may_open_it(personas, signals):
    reference = f"signal:{signals['borgerhout'].pk}"
    assert reference_url(personas.coordinator, reference) == f"/signals/{signals['borgerhout'].pk}/"
    assert reference_shown(personas.other_frontline, reference) == ("", None)
    assert reference_url(personas.coordinator, "signal:999999") is None
    assert reference_url(personas.coordinator, "signal:x") is None
