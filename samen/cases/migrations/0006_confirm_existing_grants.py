"""Existing seats, delegations and invitations count as confirmed at the time of this upgrade.

Before this change a grant took effect when it was made, so every grant in the database was
in effect; marking them confirmed now (by their maker where the row knows them: the inviting
member, the delegating mayor; seats made in the administration pages name nobody) changes
nothing for anyone on upgrade. From now on they lapse SAMEN_CASE_RECERTIFY_MONTHS after this
migration unless whoever grants them re-confirms them on the table page.
"""

import datetime

from django.conf import settings
from django.db import migrations
from django.utils import timezone

from samen.core.dates import add_months


def confirm_existing(apps, schema_editor):
    now = timezone.now()
    until = add_months(timezone.localdate(now), settings.SAMEN_CASE_RECERTIFY_MONTHS)
    until -= datetime.timedelta(days=1)
    makers = {
        "CoreSeat": (None, "created_at"),
        "Delegation": ("mayor_id", "created_at"),
        "Invitation": ("invited_by_id", "invited_at"),
    }
    for name, (maker, made_at) in makers.items():
        model = apps.get_model("cases", name)
        for grant in model.objects.filter(confirmed_at__isnull=True).iterator():
            by = getattr(grant, maker) if maker else None
            grant.proposed_by_id = grant.confirmed_by_id = by
            grant.proposed_at = getattr(grant, made_at) or now
            grant.confirmed_at = grant.recertified_at = now
            grant.confirmed_until = until
            grant.save(
                update_fields=[
                    "proposed_by",
                    "proposed_at",
                    "confirmed_by",
                    "confirmed_at",
                    "recertified_at",
                    "confirmed_until",
                ]
            )


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_grants_need_confirmation")]

    operations = [migrations.RunPython(confirm_existing, migrations.RunPython.noop)]
