"""The categories rising in a place, offered to other modules (samen.core.place_facts).

The same figures as the "rising this month" table of the district's monitor, under the same
rule: a district's counts are shown to those who may see its monitor (a neighbourhood's to
those who may see its district's).

A category counts as risen when its total over the monitor's last weeks had less than
RISE_PROBABILITY chance at the place's usual level: looser than the early warning's false-alarm
rate, because a plan answers a month's clear rise, not only an alarm.
"""

from __future__ import annotations

from django.urls import reverse

from samen.core.counters import counted_categories
from samen.core.place_facts import RisingFact, set_rising_source
from samen.monitor import early_warning
from samen.monitor.access import monitor_places
from samen.places.models import Place

RISE_PROBABILITY = 0.05


def rising_in(place: Place, reader) -> list[RisingFact] | None:
    """The categories rising in `place`, most unusual first; None when `reader` may not see
    its counts."""
    district_id = place.pk if place.kind == Place.Kind.DISTRICT else place.parent_id
    district = monitor_places(reader).filter(pk=district_id).only("pk", "code").first()
    if district is None:
        return None
    found = early_warning.rising_categories([place.pk])
    names = counted_categories([r.category_id for r in found])
    monitor = reverse("monitor:district", args=[district.code])
    return [
        RisingFact(
            category=names[r.category_id].code,
            label=names[r.category_id].name,
            count=r.rise.recent,
            baseline=r.rise.usual,
            url=f"{monitor}?category={r.category_id}",
        )
        for r in found
        if r.category_id in names and r.rise.probability < RISE_PROBABILITY
    ]


set_rising_source(rising_in)
