"""What people see of the retention of open mediations: idle for the warning period, their
pages, the lists and the panels say when the party data goes; after the purge, the page says
why it went (the purge itself is in test_idle_retention.py)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from samen.mediation.periods import idle_removal_on
from tests.conftest import get_as
from tests.mediation.conftest import RESIDENT
from tests.mediation.test_idle_retention import (
    NOW,
    SUMMARY,
    idle_since,
    local,
    purge,
    record_activity,
    stalled_intake,
)
from tests.mediation.test_retention import closed_at

pytestmark = pytest.mark.django_db


def page(client, person, mediation):
    client.force_login(person)
    return client.get(reverse("mediation:detail", args=[mediation.pk]), HTTP_ACCEPT_LANGUAGE="en")


def day_in_english(day: datetime.date, form: str = "DATE_FORMAT") -> str:
    with translation.override("en"):
        return date_format(day, form)


WARNING = "the party data will be removed on"


def test_the_warning_comes_after_the_warning_period_and_not_before(
    client, mediation_people, open_mediation
):
    mediation = idle_since(local(2024, 8, 1, 4, 0), mediation_people, open_mediation)

    with time_machine.travel(NOW, tick=False):  # exactly 24 months: not yet
        assert idle_removal_on(mediation) is None
        assert WARNING not in page(client, mediation_people.mediator, mediation).text
    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        assert idle_removal_on(mediation) == datetime.date(2027, 8, 1)
        response = page(client, mediation_people.mediator, mediation)
    assert WARNING in response.text
    assert day_in_english(datetime.date(2027, 8, 1)) in response.text
    assert day_in_english(datetime.date(2024, 8, 1)) in response.text  # idle since


def test_activity_takes_the_warning_away(client, mediation_people, open_mediation):
    mediation = idle_since(local(2024, 1, 8, 10, 0), mediation_people, open_mediation)
    with time_machine.travel(NOW, tick=False):
        assert idle_removal_on(mediation) == datetime.date(2027, 1, 8)
        record_activity("session", mediation, mediation_people)
        assert idle_removal_on(mediation) is None
        assert WARNING not in page(client, mediation_people.mediator, mediation).text


def test_everyone_who_sees_the_mediation_sees_the_warning(
    client, personas, mediation_people, open_mediation
):
    mediation = stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        for person in (mediation_people.borgerhout_mc, personas.coordinator, personas.analyst):
            response = page(client, person, mediation)
            assert response.status_code == 200
            assert WARNING in response.text, person
            assert RESIDENT not in response.text or person == mediation_people.borgerhout_mc


def test_a_removal_day_already_passed_reads_as_the_next_run(mediation_people, open_mediation):
    # The nightly run has not come yet (or the worker was stopped): the day is today.
    mediation = stalled_intake(local(2023, 7, 1, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        assert idle_removal_on(mediation) == datetime.date(2026, 8, 1)


def test_closed_mediations_show_no_idle_warning(personas, mediation_people, open_mediation):
    mediation = closed_at(local(2024, 1, 8, 10, 0), personas, mediation_people, open_mediation)
    with time_machine.travel(NOW, tick=False):
        assert idle_removal_on(mediation) is None


def test_the_list_marks_idle_mediations_and_filters_them(
    client, personas, mediation_people, open_mediation
):
    idle = stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    recent = stalled_intake(local(2026, 5, 4, 9, 0), open_mediation)
    url = reverse("mediation:list")
    client.force_login(personas.coordinator)
    with time_machine.travel(NOW, tick=False):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        filtered = client.get(url, {"status": "idle"})
        idle_days = {m.pk: m.idle_removal_on for m in response.context["page"]}
    assert idle_days == {idle.pk: datetime.date(2027, 2, 5), recent.pk: None}
    assert response.text.count("party data to be removed on") == 1
    assert day_in_english(datetime.date(2027, 2, 5), "SHORT_DATE_FORMAT") in response.text
    assert [m.pk for m in filtered.context["page"]] == [idle.pk]


def test_the_list_query_count_does_not_grow_with_idle_mediations(client, personas, open_mediation):
    url = reverse("mediation:list")
    client.force_login(personas.coordinator)
    for _number in range(2):
        stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
    for _number in range(5):
        stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_the_district_page_counts_idle_mediations(client, personas, open_mediation):
    stalled_intake(local(2024, 2, 5, 9, 0), open_mediation)
    stalled_intake(local(2026, 5, 4, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        response = get_as(client, personas.coordinator, reverse("places:detail", args=["11002S"]))
    panel = next(p for p in response.context["panels"] if p.template.startswith("mediation/"))
    assert (panel.context["open_count"], panel.context["idle_count"]) == (2, 1)
    assert "status=idle" in response.text


def test_the_home_page_warns_the_mediator_and_the_coordinator(
    client, mediation_people, open_mediation
):
    mine = idle_since(local(2024, 2, 5, 9, 0), mediation_people, open_mediation)
    stalled_intake(local(2024, 3, 4, 9, 0), open_mediation)
    with time_machine.travel(NOW, tick=False):
        as_mediator = get_as(client, mediation_people.mediator, reverse("home"))
        as_coordinator = get_as(client, mediation_people.borgerhout_mc, reverse("home"))
    panel = next(p for p in as_mediator.context["panels"] if p.template.startswith("mediation/"))
    assert panel.context["open_mine"] == [mine]
    assert reverse("mediation:detail", args=[mine.pk]) in as_mediator.text
    assert "idle-warning" in as_mediator.text
    panel = next(p for p in as_coordinator.context["panels"] if p.template.startswith("mediation/"))
    assert panel.context["idle"] == 2
    assert "status=idle" in as_coordinator.text


def test_after_the_purge_the_page_says_why_the_data_went(
    client, personas, mediation_people, open_mediation
):
    mediation = idle_since(local(2023, 6, 5, 10, 0), mediation_people, open_mediation)
    purge()
    response = page(client, mediation_people.mediator, mediation)
    assert response.status_code == 200 and response.context["details"].removed
    assert "no activity since" in response.text
    assert day_in_english(datetime.date(2023, 6, 5)) in response.text
    assert day_in_english(NOW.date()) in response.text
    assert "lapsed without activity" in response.text
    for form in ("session_form", "party_form", "close_form", "check_form", "assign_form"):
        assert form not in response.context
    assert SUMMARY not in response.text and RESIDENT not in response.text
    # Someone who never sees parties learns only that they went, and when.
    response = page(client, personas.coordinator, mediation)
    assert "no activity since" in response.text
