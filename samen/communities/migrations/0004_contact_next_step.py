"""A contact's "follow-up" is its next step ("follow-up" is the signal's word).

Renamed in Django's state only: the fields keep their columns (db_column), so the database is
left as it was and no row is touched.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0003_search_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RenameField("contact", old_name="follow_up", new_name="next_step"),
                migrations.RenameField("contact", old_name="follow_up_by", new_name="next_step_by"),
                migrations.AlterField(
                    model_name="contact",
                    name="next_step",
                    field=models.CharField(
                        blank=True, db_column="follow_up", max_length=500, verbose_name="next step"
                    ),
                ),
                migrations.AlterField(
                    model_name="contact",
                    name="next_step_by",
                    field=models.DateField(
                        blank=True, db_column="follow_up_by", null=True, verbose_name="next step by"
                    ),
                ),
            ],
        ),
    ]
