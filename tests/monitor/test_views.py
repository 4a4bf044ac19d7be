"""The monitor's pages for every persona, the tension level form and query counts."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.monitor.models import TensionLevel
from samen.places.models import Place
from samen.signals.actions import signal_follow_up, signal_review
from samen.signals.models import Category
from tests.conftest import get_as
from tests.monitor.test_early_warning import WEEK, plant, record, this_week

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("monitor:overview")
BORGERHOUT = reverse("monitor:district", args=["11002S"])
SET_LEVEL = reverse("monitor:tension_level", args=["11002S"])


@pytest.fixture(autouse=True)
def pages_in_english(client):
    """These tests read the pages' words in English, the language of the source strings."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def youth() -> Category:
    return Category.objects.get(code="youth-groups")


def post_as(client, person, url, data):
    client.logout()
    if person is not None:
        client.force_login(person)
    return client.post(url, data)


def level_form(**overrides) -> dict:
    data = {"week": this_week().isoformat(), "level": "3", "rationale": "Meer onrust op het plein."}
    data.update(overrides)
    return data


# --- Who sees what ----------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client):
    for url in (OVERVIEW, BORGERHOUT):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    response = client.post(SET_LEVEL, level_form())
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert not TensionLevel.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("analyst", 200), ("prevention", 403), ("partner", 403), ("dpo", 403)],
)
def test_the_city_overview_is_for_city_roles(client, personas, who, status):
    assert get_as(client, getattr(personas, who), OVERVIEW).status_code == status


@pytest.mark.parametrize(
    ("who", "home"),
    [("coordinator", "11002S"), ("frontline", "11002S"), ("other_frontline", "11002T")],
)
def test_a_districts_own_people_go_from_the_overview_to_their_district(client, personas, who, home):
    response = get_as(client, getattr(personas, who), OVERVIEW)
    assert response.status_code == 302
    assert response.url == reverse("monitor:district", args=[home])


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("analyst", 200),
        ("prevention", 403),
        ("coordinator", 200),
        ("frontline", 200),
        ("other_frontline", 403),
        ("partner", 403),
        ("dpo", 403),
    ],
)
def test_a_district_monitor_follows_monitor_places(client, personas, who, status):
    assert get_as(client, getattr(personas, who), BORGERHOUT).status_code == status


def test_an_unknown_or_non_district_code_is_404(client, personas):
    Place.objects.create(
        kind=Place.Kind.NEIGHBOURHOOD,
        code="11002S01",
        name_nl="Intra muros",
        parent=personas.borgerhout,
    )
    for code in ("NOPE", "11002S01", "11002"):
        response = get_as(client, personas.analyst, reverse("monitor:district", args=[code]))
        assert response.status_code == 404


# --- The pages --------------------------------------------------------------------------------


def test_the_overview_shows_every_district_and_its_level(client, personas):
    TensionLevel.objects.create(
        place=personas.borgerhout,
        week=this_week(),
        level=4,
        rationale="x",
        set_by=personas.coordinator,
    )
    response = get_as(client, personas.analyst, OVERVIEW)
    rows = response.context["rows"]
    assert len(rows) == 10
    assert {row.subject.code: row.level for row in rows}["11002S"].level == 4
    content = response.content.decode()
    # No boundaries in the test database: the tiles stand in for the map.
    assert 'class="tile tension-4"' in content and 'class="tile tension-none"' in content
    assert "style=" not in content and 'href="/static/monitor/monitor.css"' in content


def test_with_boundaries_the_map_colours_each_district(client, personas):
    square = {
        "type": "Polygon",
        "coordinates": [[[4.4, 51.2], [4.5, 51.2], [4.5, 51.3], [4.4, 51.2]]],
    }
    Place.objects.filter(pk=personas.borgerhout.pk).update(boundary=square)
    TensionLevel.objects.create(
        place=personas.borgerhout,
        week=this_week(),
        level=2,
        rationale="x",
        set_by=personas.coordinator,
    )
    content = get_as(client, personas.analyst, OVERVIEW).content.decode()
    assert '<path d="M' in content and 'class="tension-2"' in content


def test_the_district_monitor_shows_trend_categories_signals_and_follow_ups(
    client, personas, youth
):
    now = this_week()
    for n in range(1, 13):
        plant(personas.borgerhout, youth, now - WEEK * n, 3 + n % 2)
    plant(personas.borgerhout, youth, now - WEEK, 25)  # a surge last week
    signal = record(personas.frontline, personas.borgerhout, youth)
    signal_review(by=personas.coordinator, signal=signal)
    signal_follow_up(by=personas.coordinator, signal=signal, kind="mediation")
    response = get_as(client, personas.coordinator, BORGERHOUT)
    context = response.context
    assert [r.count for r in context["chart"].rows][-2:] == [29, 1]
    assert [r.week for r in context["warnings"]] == [now - WEEK]
    assert context["category_rows"][0].subject == youth
    assert list(context["signals"])[0] == signal and len(context["signals"]) == 10
    assert [f.signal for f in context["follow_ups"]] == [signal]
    assert context["rising"][0]["category"] == youth
    content = response.content.decode()
    assert '<title id="trend-title">' in content and "<details" in content


def test_severity_narrows_the_lists_but_not_the_charts(client, personas, youth):
    record(personas.frontline, personas.borgerhout, youth, severity=1)
    record(personas.frontline, personas.borgerhout, youth, severity=4)
    response = get_as(client, personas.analyst, BORGERHOUT + "?period=4&severity=3")
    assert [s.severity for s in response.context["signals"]] == [4]
    assert response.context["chart"].rows[-1].count == 2
    assert "kept per category, not per severity" in response.content.decode()
    assert "severity=3" in response.context["signals_url"]


def test_the_category_filter_draws_that_categorys_trend(client, personas, youth):
    racism = Category.objects.get(code="racism")
    record(personas.frontline, personas.borgerhout, youth)
    record(personas.frontline, personas.borgerhout, racism)
    record(personas.frontline, personas.borgerhout, racism)
    response = get_as(client, personas.analyst, f"{BORGERHOUT}?period=4&category={racism.pk}")
    assert response.context["chart"].rows[-1].count == 2
    assert racism.name in response.context["chart"].title


def test_bad_filters_say_so_and_show_the_default_period(client, personas):
    response = get_as(client, personas.analyst, BORGERHOUT + "?period=custom&since=2025-05-01")
    assert response.status_code == 200
    assert len(response.context["chart"].rows) == 12
    assert list(response.context["signals"]) == []
    assert "Give both dates of the period." in response.content.decode()


def test_the_district_monitors_queries_do_not_grow_with_history(client, personas, youth):
    now = this_week()
    record(personas.frontline, personas.borgerhout, youth)
    for n in range(1, 5):
        plant(personas.borgerhout, youth, now - WEEK * n, 3)
    client.force_login(personas.coordinator)
    client.get(BORGERHOUT)  # warm up: sessions, content types
    with CaptureQueriesContext(connection) as before:
        client.get(BORGERHOUT)
    racism = Category.objects.get(code="racism")
    for n in range(5, 45):
        plant(personas.borgerhout, youth, now - WEEK * n, 20)
        plant(personas.borgerhout, racism, now - WEEK * n, 15, severity=4)
    with CaptureQueriesContext(connection) as after:
        response = client.get(BORGERHOUT)
    assert response.status_code == 200
    assert len(after) == len(before)


# --- Recording a tension level ----------------------------------------------------------------


def test_the_coordinator_records_a_level_and_history_is_kept(client, personas):
    first = post_as(client, personas.coordinator, SET_LEVEL, level_form(level="2"))
    assert first.status_code == 302 and first.url == BORGERHOUT + "#tension"
    post_as(client, personas.coordinator, SET_LEVEL, level_form(level="3", rationale="Erger."))
    levels = list(TensionLevel.objects.filter(place=personas.borgerhout))
    assert [(t.level, t.rationale, t.set_by) for t in levels] == [
        (3, "Erger.", personas.coordinator),
        (2, "Meer onrust op het plein.", personas.coordinator),
    ]
    page = client.get(BORGERHOUT)
    assert page.context["current_level"].level == 3
    assert len(page.context["history"]) == 2
    assert "The tension level of Borgerhout is recorded." in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (level_form(level=""), "level"),
        (level_form(level="7"), "level"),
        (level_form(rationale="   "), "rationale"),
        (level_form(rationale="Bel 0470 12 34 56 voor meer."), "rationale"),
        (level_form(week="2020-01-06"), "week"),
        (level_form(week="not a week"), "week"),
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(client, personas, data, field):
    response = post_as(client, personas.coordinator, SET_LEVEL, data)
    assert response.status_code == 200
    assert response.context["tension_form"].errors[field]
    assert "The tension level was not recorded" in response.content.decode()
    assert not TensionLevel.objects.exists()


@pytest.mark.parametrize("who", ["frontline", "analyst", "prevention", "other_frontline", "dpo"])
def test_others_cannot_record_a_level(client, personas, who):
    response = post_as(client, getattr(personas, who), SET_LEVEL, level_form())
    assert response.status_code == 403
    assert not TensionLevel.objects.exists()


def test_the_form_is_shown_only_to_who_may_record(client, personas):
    assert get_as(client, personas.coordinator, BORGERHOUT).context["tension_form"] is not None
    assert get_as(client, personas.admin, BORGERHOUT).context["tension_form"] is not None
    for who in (personas.frontline, personas.analyst):
        response = get_as(client, who, BORGERHOUT)
        assert response.context["tension_form"] is None
        assert SET_LEVEL not in response.content.decode()


def test_the_monitor_only_answers_get_and_the_form_only_post(client, personas):
    assert post_as(client, personas.analyst, BORGERHOUT, {}).status_code == 405
    assert get_as(client, personas.coordinator, SET_LEVEL).status_code == 405


def test_a_recent_past_week_can_be_recorded(client, personas):
    old = this_week() - datetime.timedelta(weeks=3)
    response = post_as(client, personas.coordinator, SET_LEVEL, level_form(week=old.isoformat()))
    assert response.status_code == 302
    assert TensionLevel.objects.get().week == old


def test_open_follow_ups_follow_what_the_reader_may_see(client, personas):
    from django.urls import reverse

    from samen.signals.actions import signal_follow_up, signal_record, signal_review
    from tests.conftest import get_as
    from tests.signals.conftest import fields

    mediated = signal_record(by=personas.frontline, fields=fields(personas.borgerhout))
    referred = signal_record(by=personas.frontline, fields=fields(personas.borgerhout))
    for signal, kind in ((mediated, "mediation"), (referred, "referral")):
        signal_review(by=personas.coordinator, signal=signal)
        signal_follow_up(by=personas.coordinator, signal=signal, kind=kind)
    url = reverse("monitor:district", args=["11002S"])
    assert get_as(client, personas.analyst, url).context["follow_up_count"] == 2
    assert get_as(client, personas.coordinator, url).context["follow_up_count"] == 2
    # Counts follow the list rule: the prevention officer sees referrals only, so no monitor.
    assert get_as(client, personas.prevention, url).status_code == 403
