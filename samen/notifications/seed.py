"""Demo notifications and choices of delivery for the demo accounts, so that each has a
notification centre to look at. Synthetic only: places and organisations from the demo data,
no case or mediation detail (their kinds carry none)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samen.core.seeding import SeedRun, add_seeder, demo_accounts
from samen.notifications.kinds import get_kind, kinds_for, notify
from samen.notifications.models import Notification, Preference
from samen.people.models import User

# After every module that makes the events these notifications are about.
ORDER = 80
# Where each kind's demo notification leads: the module's list or the person's district.
LINKS = {
    "monitor.early_warning": "/monitor/",
    "monitor.tension_level": "/monitor/",
    "signals.shared": "/signals/",
    "communities.restore_action_due": "/communities/restore-plans/",
    "mediation.assigned": "/mediation/",
    "cases.meeting_called": "/cases/meetings/",
    "cases.invitation_to_confirm": "/cases/table/",
    "cases.review_due": "/cases/",
}


def demo_params(code: str, person, run: SeedRun) -> dict:
    district = person.home_district.name_nl if person.home_district_id else "Antwerpen"
    week = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    organisation = person.organisations.first()
    return {
        "monitor.early_warning": {
            "place": district,
            "count": run.rng.randint(12, 30),
            "week": week.isoformat(),
        },
        "monitor.tension_level": {
            "place": district,
            "level": run.rng.randint(1, 3),
            "week": week.isoformat(),
        },
        "signals.shared": {
            "place": district,
            "organisation": organisation.name if organisation else "Samen",
        },
        "communities.restore_action_due": {
            "deadline": (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
        },
    }.get(code, {})


@add_seeder(order=ORDER)
def seed_notifications(run: SeedRun) -> None:
    emails = [email for email, _label, _note in demo_accounts()]
    people = User.objects.filter(email__in=emails, is_active=True).select_related("home_district")
    made = 0
    for person in people:
        for kind in kinds_for(person):
            if kind.code not in LINKS or get_kind(kind.code) is None:
                continue
            made += len(
                notify(
                    kind.code,
                    recipients=[person],
                    params={} if kind.confidential else demo_params(kind.code, person, run),
                    url=LINKS[kind.code],
                    key="demo",
                )
            )
        # The oldest half read, so the centre shows both.
        mine = list(Notification.objects.filter(recipient=person).order_by("created", "pk"))
        Notification.objects.filter(pk__in=[n.pk for n in mine[: len(mine) // 2]]).update(
            read_at=timezone.now()
        )
        first = next(iter(kinds_for(person)), None)
        if first is not None:
            Preference.objects.update_or_create(
                person=person, kind=first.code, defaults={"delivery": "weekly"}
            )
    run.out(f"Notifications: {made} for the demo accounts.")
