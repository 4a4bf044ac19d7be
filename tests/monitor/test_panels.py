"""What the tension monitor adds to the navigation, the home page and the district page
(samen/monitor/panels.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.monitor.actions import tension_level_set
from samen.monitor.panels import PANEL_WEEKS, district_monitor, my_district_monitor
from samen.places.models import Place
from samen.signals.models import Category
from tests.conftest import get_as
from tests.monitor.test_early_warning import WEEK, plant, record, this_week

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("monitor:overview")
BORGERHOUT = reverse("monitor:district", args=["11002S"])


@pytest.fixture(autouse=True)
def pages_in_english(client):
    """These tests read the pages' words in English, the language of the source strings."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def youth() -> Category:
    return Category.objects.get(code="youth-groups")


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("analyst", True),
        ("coordinator", True),
        ("frontline", True),
        ("partner", False),
        ("dpo", False),
    ],
)
def test_the_monitor_is_in_the_navigation_of_those_who_can_see_it(client, personas, who, shown):
    content = get_as(client, getattr(personas, who), reverse("home")).content.decode()
    assert (f'href="{OVERVIEW}"' in content) == shown


@pytest.mark.parametrize(
    ("who", "shown"),
    [("analyst", True), ("coordinator", True), ("frontline", True), ("dpo", False)],
)
def test_the_district_page_has_a_monitor_panel_for_monitor_readers(client, personas, who, shown):
    response = get_as(client, getattr(personas, who), reverse("places:detail", args=["11002S"]))
    assert response.status_code == 200
    assert (f'href="{BORGERHOUT}"' in response.content.decode()) == shown


def test_a_neighbourhood_page_shows_its_own_trend(client, personas, youth):
    wijk = Place.objects.create(
        kind=Place.Kind.NEIGHBOURHOOD,
        code="11002S01",
        name_nl="Intra muros",
        parent=personas.borgerhout,
    )
    record(personas.frontline, personas.borgerhout, youth, neighbourhood=wijk)
    response = get_as(client, personas.frontline, reverse("places:detail", args=[wijk.code]))
    content = response.content.decode()
    assert "Weekly signals in Intra muros" in content and f'href="{BORGERHOUT}"' in content


def test_the_coordinators_home_shows_their_district(client, personas):
    content = get_as(client, personas.coordinator, reverse("home")).content.decode()
    assert "Tension in Borgerhout" in content
    assert f'href="{BORGERHOUT}#tension"' in content  # no level yet this week
    assert "Tension in" not in get_as(client, personas.analyst, reverse("home")).content.decode()


def test_panels_stay_small_in_queries(client, personas, youth):
    client.force_login(personas.coordinator)
    url = reverse("places:detail", args=["11002S"])
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for n in range(1, 30):
        plant(personas.borgerhout, youth, this_week() - WEEK * n, 10)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)


def test_the_district_block_sums_up_level_trend_and_warnings(personas, youth):
    record(personas.frontline, personas.borgerhout, youth)
    tension_level_set(
        by=personas.coordinator,
        place=personas.borgerhout,
        week=this_week(),
        level=2,
        rationale="Meer onrust op het plein.",
    )
    panel = district_monitor(request_of(personas.frontline), personas.borgerhout)
    assert panel["place"] == panel["district"] == personas.borgerhout
    assert panel["level"].level == 2 and panel["level_is_current"]
    assert panel["weeks"] == PANEL_WEEKS
    assert panel["latest"].count == 1
    assert panel["spark"].id == "panel-spark-11002S"
    assert len(panel["spark"].rows) == PANEL_WEEKS


def test_no_block_for_outsiders_or_the_citys_page(personas):
    assert district_monitor(request_of(personas.other_frontline), personas.borgerhout) is None
    assert district_monitor(request_of(personas.partner), personas.borgerhout) is None
    city = personas.borgerhout.parent
    assert district_monitor(request_of(personas.analyst), city) is None
    wijk = Place.objects.create(
        kind=Place.Kind.NEIGHBOURHOOD, code="11002S02", name_nl="Wijk", parent=personas.borgerhout
    )
    in_wijk = district_monitor(request_of(personas.coordinator), wijk)
    assert in_wijk["place"] == wijk and in_wijk["district"] == personas.borgerhout


def test_the_home_block_is_the_coordinators_own_district(personas):
    panel = my_district_monitor(request_of(personas.coordinator))
    assert panel["district"] == personas.borgerhout
    assert panel["level"] is None and not panel["level_is_current"]
    assert my_district_monitor(request_of(personas.prevention)) is None
