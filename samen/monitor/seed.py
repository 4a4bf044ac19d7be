"""The tension levels of the demo: thirteen weeks per district, set high in the surge weeks.

Runs after the signals seeder (30), which leaves its planted surges on the run.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from samen.core.seeding import SeedRun, add_seeder
from samen.core.weeks import week_of
from samen.monitor.models import TensionLevel
from samen.people.models import User
from samen.people.roles import Role
from samen.places.models import Place


@add_seeder(order=35)
def seed_tension_levels(run: SeedRun) -> None:
    if run.surges is None:
        return
    districts = {d.code: d for d in Place.objects.current().districts()}
    this_week = week_of(timezone.localdate())
    coordinators = {
        u.home_district_id: u
        for u in User.objects.filter(role=Role.DISTRICT_COORDINATOR, home_district__isnull=False)
    }
    levels = []
    for code, district in districts.items():
        coordinator = coordinators.get(district.pk)
        if coordinator is None:
            continue
        for weeks_ago in range(12, -1, -1):
            week = this_week - datetime.timedelta(weeks=weeks_ago)
            surging = any(
                surge_district == code and surge_ago <= weeks_ago < surge_ago + length
                for surge_district, surge_ago, length in run.surges
            )
            level = 3 if surging else run.rng.choices([1, 2], weights=[75, 25])[0]
            levels.append(
                TensionLevel(
                    place=district,
                    week=week,
                    level=level,
                    rationale=(
                        "Duidelijke toename van signalen en onrust in de wijk; extra overleg "
                        "met partners gepland."
                        if surging
                        else "Signalen binnen het gewone patroon; geen bijzondere onrust."
                    ),
                    set_by=coordinator,
                )
            )
    TensionLevel.objects.bulk_create(levels)
