"""The "follow-up check" after a mediation is now the aftercare check ("follow-up" is the signal's).

The fields are renamed in Django's state only: each keeps its column (db_column), so the
database is left exactly as it was and no row is touched.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

RENAMED = [
    ("follow_up_due", "aftercare_due"),
    ("follow_up_done_at", "aftercare_done_at"),
    ("follow_up_done_by", "aftercare_done_by"),
    ("follow_up_result", "aftercare_result"),
    ("follow_up_note", "aftercare_note"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("mediation", "0002_last_activity_and_lapsed"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                *(
                    migrations.RenameField("mediation", old_name=old, new_name=new)
                    for old, new in RENAMED
                ),
                migrations.AlterField(
                    model_name="mediation",
                    name="aftercare_due",
                    field=models.DateField(
                        blank=True,
                        db_column="follow_up_due",
                        null=True,
                        verbose_name="aftercare check due",
                    ),
                ),
                migrations.AlterField(
                    model_name="mediation",
                    name="aftercare_done_at",
                    field=models.DateTimeField(
                        blank=True,
                        db_column="follow_up_done_at",
                        null=True,
                        verbose_name="aftercare check done at",
                    ),
                ),
                migrations.AlterField(
                    model_name="mediation",
                    name="aftercare_done_by",
                    field=models.ForeignKey(
                        blank=True,
                        db_column="follow_up_done_by_id",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="mediation",
                    name="aftercare_result",
                    field=models.CharField(
                        blank=True,
                        choices=[
                            ("holds", "the agreement holds"),
                            ("partly", "it partly holds"),
                            ("broken", "the dispute is back"),
                            ("unreachable", "the parties could not be reached"),
                        ],
                        db_column="follow_up_result",
                        max_length=12,
                        verbose_name="aftercare check result",
                    ),
                ),
                migrations.AlterField(
                    model_name="mediation",
                    name="aftercare_note",
                    field=models.TextField(
                        blank=True,
                        db_column="follow_up_note",
                        max_length=2000,
                        verbose_name="note on the aftercare check",
                    ),
                ),
            ],
        ),
    ]
