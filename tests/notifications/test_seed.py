"""The demo accounts find notifications waiting, some read, and a choice made."""

from __future__ import annotations

import pytest

from samen.core.seeding import SeedRun
from samen.notifications import seed
from samen.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


def test_each_demo_account_gets_notifications_of_the_kinds_it_can_receive(personas, monkeypatch):
    accounts = [(p.email, p.role, "") for p in personas.all().values()]
    monkeypatch.setattr(seed, "demo_accounts", lambda: accounts)
    lines: list[str] = []
    run = SeedRun(seed=7, staff=10, places_dir=None, out=lines.append, progress=False)
    seed.seed_notifications(run)
    seed.seed_notifications(run)  # a second run adds nothing
    frontline = Notification.objects.filter(recipient=personas.frontline)
    assert {n.kind for n in frontline} >= {
        "monitor.early_warning",
        "monitor.tension_level",
        "communities.restore_action_due",
        "mediation.assigned",
    }
    assert frontline.filter(read_at=None).exists() and frontline.exclude(read_at=None).exists()
    assert "Borgerhout" in frontline.get(kind="monitor.tension_level").text
    # Nobody gets a kind that is not for them.
    assert not Notification.objects.filter(recipient=personas.dpo, kind__startswith="monitor.")
    assert not Notification.objects.filter(recipient=personas.analyst, kind="mediation.assigned")
    # Confidential kinds carry nothing but their generic text.
    assert not Notification.objects.filter(kind__startswith="cases.").exclude(params={})
    assert Preference.objects.filter(person=personas.frontline).exists()
    assert lines and lines[-1].startswith("Notifications:")
