"""Aftercare, not "follow-up": the review after a support plan closed is the aftercare review,
and a closed case records whether aftercare was needed ("follow-up" is the signal's word).

The table and the column keep their names (Meta.db_table, db_column), so the database's tables
are left as they were and no row is touched; only the content type of the review is renamed
(Django does that after RenameModel), so its audit trail stays attached to it.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_acknowledgement_per_meeting"),
    ]

    operations = [
        # The table is named explicitly first, so that the rename keeps it.
        migrations.AlterModelTable(name="followupreview", table="cases_followupreview"),
        migrations.RenameModel(old_name="FollowUpReview", new_name="AftercareReview"),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterModelOptions(
                    name="aftercarereview",
                    options={
                        "ordering": ["due_on", "pk"],
                        "verbose_name": "aftercare review",
                        "verbose_name_plural": "aftercare reviews",
                    },
                ),
                migrations.AlterField(
                    model_name="aftercarereview",
                    name="plan",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aftercare_reviews",
                        to="cases.supportplan",
                    ),
                ),
                migrations.RenameField(
                    model_name="case", old_name="follow_up_needed", new_name="aftercare_needed"
                ),
                migrations.AlterField(
                    model_name="case",
                    name="aftercare_needed",
                    field=models.BooleanField(
                        db_column="follow_up_needed",
                        default=True,
                        verbose_name="aftercare was needed",
                    ),
                ),
            ],
        ),
    ]
