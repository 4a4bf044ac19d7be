"""What the district page shows of communities, and the navigation item."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from samen.communities.actions import ContactFields, contact_log, relationship_change_state
from samen.core.navigation import nav_items_for
from tests.conftest import get_as

pytestmark = pytest.mark.django_db


def district_panel(client, person, place):
    response = get_as(client, person, reverse("places:detail", args=[place.code]))
    panels = [p for p in response.context["panels"] if p.template.startswith("communities/")]
    return response, (panels[0].context if panels else None)


def test_the_district_page_shows_relationships_that_weakened_lately(client, personas, city):
    relationship_change_state(
        by=personas.coordinator, relationship=city.youth_mosque, state="broken", reason="Ruzie."
    )
    relationship_change_state(
        by=personas.admin, relationship=city.club_city, state="weakened", reason="Minder."
    )
    response, panel = district_panel(client, personas.coordinator, personas.borgerhout)
    assert [c.relationship for c in panel["worse"]] == [city.youth_mosque]
    assert "Moskeevereniging Al Noor" in response.content.decode()
    # An improvement is no news for this list.
    relationship_change_state(
        by=personas.coordinator, relationship=city.youth_mosque, state="active", reason="Verzoend."
    )
    _response, panel = district_panel(client, personas.coordinator, personas.borgerhout)
    assert [c.to_state for c in panel["worse"]] == ["broken"]


def test_a_deterioration_stays_in_view_behind_many_later_small_changes(client, personas, city):
    relationship_change_state(
        by=personas.coordinator, relationship=city.youth_mosque, state="weakened", reason="Kil."
    )
    for strength in [1, 2] * 30:
        relationship_change_state(
            by=personas.coordinator,
            relationship=city.youth_mosque,
            state="weakened",
            strength=strength,
            reason="Bijgesteld.",
        )
    _response, panel = district_panel(client, personas.coordinator, personas.borgerhout)
    assert [c.to_state for c in panel["worse"]] == ["weakened"]


def test_a_change_long_ago_is_no_longer_news(client, personas, city):
    relationship_change_state(
        by=personas.admin, relationship=city.youth_mosque, state="broken", reason="Ruzie."
    )
    later = timezone.localdate() + datetime.timedelta(days=90)
    with time_machine.travel(later, tick=False):
        _response, panel = district_panel(client, personas.coordinator, personas.borgerhout)
    assert panel["worse"] == []


def test_the_district_page_counts_this_months_contacts(client, personas, city):
    today = timezone.localdate()
    for day in (today, today.replace(day=1), today.replace(day=1) - datetime.timedelta(days=1)):
        contact_log(
            by=personas.admin,
            fields=ContactFields(
                occurred_on=day,
                kind="visit",
                summary="Bezoek.",
                communities=[city.youth],
            ),
        )
    _response, panel = district_panel(client, personas.frontline, personas.borgerhout)
    assert panel["contacts_this_month"] == 2  # not last month's
    _response, panel = district_panel(client, personas.analyst, personas.berchem)
    assert panel["contacts_this_month"] == 0


def test_only_the_module_roles_see_the_panel_and_the_menu_item(client, personas, city):
    _response, panel = district_panel(client, personas.dpo, personas.borgerhout)
    assert panel is None
    for who in ("admin", "analyst", "coordinator", "frontline"):
        urls = [item.url_name for item in nav_items_for(getattr(personas, who))]
        assert "communities:list" in urls, who
    for who in ("partner", "prevention", "dpo"):
        urls = [item.url_name for item in nav_items_for(getattr(personas, who))]
        assert "communities:list" not in urls, who
