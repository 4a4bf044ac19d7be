# The weekly counts and the tension levels move from the signals module to the tension
# monitor. Their tables stay where they are (signals_weeklycount, signals_tensionlevel), with
# every row: this migration only tells Django's state that the monitor owns them now, and
# signals 0006 that the signals module no longer does.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('places', '0002_antwerp_districts'),
        ('signals', '0005_partial_indexes_for_empty_columns'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TensionLevel',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('week', models.DateField(verbose_name='week')),
                        ('level', models.PositiveSmallIntegerField(choices=[(1, '1 – normal'), (2, '2 – elevated'), (3, '3 – high'), (4, '4 – critical')], verbose_name='tension level')),
                        ('rationale', models.TextField(max_length=2000, verbose_name='rationale')),
                        ('set_at', models.DateTimeField(auto_now_add=True)),
                        ('place', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.place', verbose_name='place')),
                        ('set_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'tension level',
                        'verbose_name_plural': 'tension levels',
                        'db_table': 'signals_tensionlevel',
                        'ordering': ['-week', '-set_at', '-pk'],
                        'indexes': [models.Index(fields=['place', '-week', '-set_at'], name='signals_ten_place_i_67985e_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='WeeklyCount',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('week', models.DateField()),
                        ('count', models.PositiveIntegerField(default=0)),
                        ('weighted', models.PositiveIntegerField(default=0)),
                        ('category', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='signals.category')),
                        ('place', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.place')),
                    ],
                    options={
                        'db_table': 'signals_weeklycount',
                        'indexes': [models.Index(fields=['place', 'category', 'week'], name='signals_wee_place_i_646623_idx')],
                        'constraints': [
                            models.UniqueConstraint(fields=('place', 'week', 'category'), name='weekly_count_per_category'),
                            models.UniqueConstraint(condition=models.Q(('category__isnull', True)), fields=('place', 'week'), name='weekly_count_all_categories'),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
