"""The categories rising in a place, as the monitor offers them to other modules."""

from __future__ import annotations

import datetime

from samen.core import place_facts
from samen.signals.models import Category

from .test_early_warning import plant, this_week

WEEK = datetime.timedelta(weeks=1)


def surge(personas) -> Category:
    """Tension between youth groups rises clearly in Borgerhout; racism stays as usual."""
    youth, racism = Category.objects.get(code="youth-groups"), Category.objects.get(code="racism")
    now = this_week()
    for n in range(4, 16):
        plant(personas.borgerhout, youth, now - WEEK * n, 2 + n % 2)
        plant(personas.borgerhout, racism, now - WEEK * n, 5 + n % 2)
    for n in range(4):
        plant(personas.borgerhout, youth, now - WEEK * n, 9)
        plant(personas.borgerhout, racism, now - WEEK * n, 6)
    return youth


def test_only_a_clear_rise_is_offered_with_its_figures_and_source(personas):
    youth = surge(personas)
    facts = place_facts.rising(personas.borgerhout, reader=personas.coordinator)
    assert [(f.category, f.count) for f in facts] == [("youth-groups", 36)]
    assert facts[0].baseline == 10.0
    assert facts[0].url == f"/monitor/11002S/?category={youth.pk}"


def test_those_who_may_not_see_the_district_counts_get_none(personas):
    surge(personas)
    for person in (personas.other_frontline, personas.partner, personas.prevention):
        assert place_facts.rising(personas.borgerhout, reader=person) is None
    assert place_facts.rising(personas.borgerhout, reader=personas.analyst)
