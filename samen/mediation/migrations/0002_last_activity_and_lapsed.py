"""The last activity on a mediation, for the retention of open ones, and the outcome "lapsed".

Existing mediations get the latest of the dates stored for them: the intake, the assignment
and the recording of their sessions. Parties carry no date, so one added later without a
session since does not count.
"""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest


def last_activity_from_stored_dates(apps, schema_editor):
    Mediation = apps.get_model("mediation", "Mediation")
    Session = apps.get_model("mediation", "Session")
    last_session = (
        Session.objects.filter(mediation=OuterRef("pk"))
        .order_by()
        .values("mediation")
        .annotate(last=Max("recorded_at"))
        .values("last")
    )
    # Coalesce: SQLite's MAX() of several values is NULL as soon as one is.
    Mediation.objects.update(
        last_activity_at=Greatest(
            "created_at",
            Coalesce("assigned_at", "created_at"),
            Coalesce(Subquery(last_session), "created_at"),
        )
    )


class Migration(migrations.Migration):

    dependencies = [
        ("mediation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="mediation",
            name="last_activity_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="last activity"
            ),
        ),
        migrations.RunPython(last_activity_from_stored_dates, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="mediation",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("agreement", "agreement"),
                    ("partial", "partial agreement"),
                    ("none", "no agreement"),
                    ("referred", "referred elsewhere"),
                    ("lapsed", "lapsed without activity"),
                ],
                max_length=12,
                verbose_name="outcome",
            ),
        ),
        migrations.AddIndex(
            model_name="mediation",
            index=models.Index(
                condition=models.Q(("personal_data_removed_at__isnull", True)),
                fields=["last_activity_at"],
                name="mediation_idle_idx",
            ),
        ),
    ]
