"""Other cities in the navigation and on the home page of those who read the statistics; the
home panel stays away while no city is recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import get_as

pytestmark = pytest.mark.django_db
COMPARE = reverse("peers:compare")


def test_the_navigation_and_the_home_panel_for_the_statistics_roles(client, personas, liege):
    page = get_as(client, personas.analyst, reverse("home")).content.decode()
    assert f'href="{COMPARE}"' in page and "Liège" in page
    assert 'id="other-cities-title"' in page
    page = get_as(client, personas.coordinator, reverse("home")).content.decode()
    assert f'href="{COMPARE}"' not in page


def test_without_other_cities_the_link_stays_and_the_panel_does_not(client, personas):
    page = get_as(client, personas.analyst, reverse("home")).content.decode()
    assert f'href="{COMPARE}"' in page
    assert 'id="other-cities-title"' not in page
