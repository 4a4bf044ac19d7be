# The weekly counts and the tension levels now belong to the tension monitor (monitor 0001):
# they leave the signals module's state only. Their tables and rows stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('signals', '0005_partial_indexes_for_empty_columns'),
        ('monitor', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='TensionLevel'),
                migrations.DeleteModel(name='WeeklyCount'),
            ],
            database_operations=[],
        ),
    ]
