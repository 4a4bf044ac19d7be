"""The demo's mediations: enough of each stage, overdue checks, and work for the retention."""

from __future__ import annotations

import pytest

from samen.core.seeding import SeedRun
from samen.mediation.models import Mediation, MediationCoordinator, Party
from samen.mediation.retention import expired
from samen.mediation.seed import DEMO_COORDINATOR, TOTAL, seed_mediations

pytestmark = pytest.mark.django_db


def test_the_seeder_fills_every_stage_with_synthetic_parties(personas):
    lines: list[str] = []
    run = SeedRun(seed=7, staff=10, places_dir=None, out=lines.append, progress=False)
    seed_mediations(run)
    assert Mediation.objects.count() == TOTAL
    statuses = set(Mediation.objects.values_list("status", flat=True))
    assert statuses == set(Mediation.Status.values)
    overdue = [
        m for m in Mediation.objects.filter(status="closed") if m.aftercare_state == "overdue"
    ]
    assert overdue
    # Closed, or stalled, long ago: the retention purge has work of both kinds.
    assert expired().closed.mediations > 0 and expired().idle.mediations > 0
    assert any(m.idle_removal_on for m in Mediation.objects.open())  # and some warn
    assert not Party.objects.filter(street__regex=r"\d").exists()  # never a house number
    assert MediationCoordinator.objects.filter(district__isnull=True).count() == 1
    assert "300 mediations" in lines[-1]
    # The demo district coordinator also coordinates mediation in their district.
    demo = MediationCoordinator.objects.get(user__email=DEMO_COORDINATOR)
    assert (demo.user, demo.district) == (personas.coordinator, personas.borgerhout)
