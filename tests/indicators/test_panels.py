"""The indicators' context section on the place pages: for readers, not on the city's page."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from samen.indicators.context import context_for
from samen.indicators.panels import place_context

pytestmark = pytest.mark.django_db


def request_by(user):
    return SimpleNamespace(user=user)


def test_a_district_page_shows_its_context_to_every_reader(personas, figures):
    assert context_for(figures.borgerhout)  # something to show
    for person in (personas.frontline, personas.analyst, personas.partner):
        assert place_context(request_by(person), figures.borgerhout) == context_for(
            figures.borgerhout
        )


def test_no_context_for_the_anonymous_or_on_the_citys_page(personas, figures):
    assert place_context(request_by(AnonymousUser()), figures.borgerhout) is None
    assert place_context(request_by(personas.frontline), figures.city) is None
