"""Nobody stays a superuser, and the elevated roles held today count as confirmed now.

Administrators get their permissions from their role (samen.people.permissions), so the
superuser flag only opened a way around them. Elevated roles existing at upgrade are counted
as confirmed at migration time, so nobody loses access on upgrade; they need re-confirming
by another administrator within SAMEN_ROLE_RECERTIFY_MONTHS like any new grant.
"""

from django.db import migrations
from django.utils import timezone

ELEVATED_ROLES = [
    "administrator",
    "data_protection_officer",
    "prevention_officer",
    "policy_analyst",
]


def forwards(apps, schema_editor):
    User = apps.get_model("people", "User")
    User.objects.filter(is_superuser=True).update(is_superuser=False)
    User.objects.exclude(role="administrator").filter(is_staff=True).update(is_staff=False)
    now = timezone.now()
    User.objects.filter(role__in=ELEVATED_ROLES, role_confirmed_at__isnull=True).update(
        role_granted_at=now, role_confirmed_at=now
    )


class Migration(migrations.Migration):
    dependencies = [("people", "0003_role_grants_and_welcome_link")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
