"""Partner organisations at other levels, with the partner persona in the Flemish one."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from samen.people.models import Organisation, OrganisationMembership, PolicyLevel
from samen.reporting.actions import level_report_draw, level_report_sign_off
from samen.reporting.models import LevelReport


@dataclass
class Partners:
    flemish: Organisation  # the partner persona works here
    federal: Organisation
    city: Organisation  # the city's own department: never a recipient


@pytest.fixture
def partners(personas) -> Partners:
    flemish = Organisation.objects.create(
        name="Vlaams netwerk radicalisering", policy_level=PolicyLevel.FLEMISH
    )
    federal = Organisation.objects.create(
        name="Federale dienst preventie", policy_level=PolicyLevel.FEDERAL
    )
    city = Organisation.objects.create(name="Stad – Samenleven", policy_level=PolicyLevel.MUNICIPAL)
    OrganisationMembership.objects.create(user=personas.partner, organisation=flemish)
    return Partners(flemish=flemish, federal=federal, city=city)


def signed(personas, year: int) -> LevelReport:
    """The year's report, drawn on schedule and signed off by the analyst."""
    return level_report_sign_off(by=personas.analyst, report=level_report_draw(by=None, year=year))


@pytest.fixture
def client(client):
    """The pages in English, the language these tests read (the Dutch and French texts are
    tested in test_translations.py)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
