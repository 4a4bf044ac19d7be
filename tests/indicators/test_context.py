"""The "Context" section of district and neighbourhood pages (samen/indicators/context.py)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.indicators.context import compute_context, context_for, rank_text
from samen.indicators.models import Indicator
from samen.places.models import Place
from tests.conftest import get_as
from tests.indicators.conftest import make_indicator, store

pytestmark = pytest.mark.django_db


def test_a_district_page_has_its_context_section(client, personas, figures):
    response = get_as(
        client,
        personas.coordinator,
        reverse("places:detail", args=["11002S"]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    content = response.content.decode()
    assert 'id="context"' in content
    assert "share_born_abroad" in content  # the link to the indicator
    # Ranked among the districts of 2025 that have a value: Borsbeek's is hidden.
    assert "The highest of 2 districts" in content
    assert "synthetic" in content


def test_borsbeek_shows_under_five_and_never_its_share(client, personas, figures):
    response = get_as(client, personas.analyst, reverse("places:detail", args=["11007A"]))
    content = response.content.decode()
    assert 'id="context"' in content
    assert "&lt;5" in content
    assert "1.5%" not in content and "1,5%" not in content


def test_a_neighbourhood_page_ranks_among_neighbourhoods(client, personas, figures):
    response = get_as(
        client,
        personas.analyst,
        reverse("places:detail", args=["11002S02"]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    content = response.content.decode()
    assert "too few residents" in content


def test_the_context_costs_the_same_queries_for_more_indicators(client, personas, figures):
    client.force_login(personas.analyst)
    url = reverse("places:detail", args=["11002S"])
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    make_indicator("births_share", "born_abroad", "residents", 1000, in_context=True)
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    assert len(cached) < len(after)


def test_a_new_import_shows_at_once_in_the_context(client, personas, figures):
    client.force_login(personas.analyst)
    url = reverse("places:detail", args=["11002T"])
    first = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Indicators chosen by the city, 2025" in first
    store({("residents", "11002T01-", 2026): 500, ("born_abroad", "11002T01-", 2026): 150})
    again = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Indicators chosen by the city, 2026" in again
    assert "30.0%" in again  # 150 of 500


def test_a_rank_is_said_in_words():
    assert rank_text((1, 10), Place.Kind.DISTRICT) == "the highest of 10 districts"
    assert rank_text((10, 10), Place.Kind.DISTRICT) == "the lowest of 10 districts"
    assert (
        rank_text((3, 67), Place.Kind.NEIGHBOURHOOD)
        == "number 3 of 67 neighbourhoods, counted from the highest"
    )
    assert rank_text(None, Place.Kind.DISTRICT) == ""


def test_the_section_holds_each_chosen_indicator_as_shown(figures):
    section = compute_context(figures.berchem)
    assert section["year"] == 2025 and section["table_years"] == [2024, 2025]
    assert section["synthetic"] and section["attributions"] == ["Test attribution"]
    share, residents = section["rows"]
    assert (share.code, share.value, share.history) == (
        "share_born_abroad",
        "25.0%",
        ["25.0%", "25.0%"],
    )
    assert residents.value == "400"
    assert share.rank_text == "the lowest of 2 districts"  # Borsbeek's share is hidden


def test_no_section_without_chosen_indicators_or_figures(figures, small_city):
    Indicator.objects.update(in_context=False)
    assert compute_context(figures.borgerhout) is None
    assert context_for(figures.borgerhout) is None
    make_indicator("births_per_1000", "births", "residents", 1000, in_context=True)
    assert compute_context(figures.borgerhout) is None  # no births stored


def test_the_section_is_kept_until_figures_change(figures):
    first = context_for(figures.berchem)
    with CaptureQueriesContext(connection) as cached:
        assert context_for(figures.berchem) == first
    assert len(cached) == 1  # the figures' version
    store({("residents", "11002T01-", 2026): 500, ("born_abroad", "11002T01-", 2026): 150})
    assert context_for(figures.berchem)["year"] == 2026
