import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Q, Subquery


def copy_district(apps, schema_editor):
    FollowUp = apps.get_model("signals", "FollowUp")
    Signal = apps.get_model("signals", "Signal")
    FollowUp.objects.update(
        district_id=Subquery(Signal.objects.filter(pk=OuterRef("signal_id")).values("district_id"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0002_antwerp_districts"),
        ("signals", "0002_default_categories"),
    ]

    operations = [
        migrations.AddField(
            model_name="followup",
            name="district",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="places.place",
            ),
        ),
        migrations.RunPython(copy_district, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="followup",
            name="district",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="places.place",
            ),
        ),
        migrations.AddIndex(
            model_name="followup",
            index=models.Index(
                condition=Q(("is_open", True)),
                fields=["district", "-created_at"],
                name="open_follow_ups_by_district",
            ),
        ),
    ]
