from django.db import migrations


def add_antwerp(apps, schema_editor):
    from samen.places.antwerp import ensure_antwerp

    ensure_antwerp(apps.get_model("places", "Place"))


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]
    operations = [migrations.RunPython(add_antwerp, migrations.RunPython.noop)]
