# The content types of the weekly counts and the tension levels follow them to the monitor,
# so that their audit records and permissions keep pointing at them (same rows, new label).

from django.db import migrations

MODELS = ("weeklycount", "tensionlevel")


def relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if ContentType.objects.filter(app_label=new, model=model).exists():
            continue  # already made under the new label (a database made after the move)
        ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def to_the_monitor(apps, schema_editor) -> None:
    relabel(apps, "signals", "monitor")


def back_to_signals(apps, schema_editor) -> None:
    relabel(apps, "monitor", "signals")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('monitor', '0001_initial'),
        ('signals', '0006_weekly_counts_and_tension_levels_to_the_monitor'),
    ]

    operations = [migrations.RunPython(to_the_monitor, back_to_signals)]
