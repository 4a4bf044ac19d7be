from django.db import migrations


def add_defaults(apps, schema_editor):
    from samen.communities.defaults import ensure_defaults

    ensure_defaults(apps.get_model("communities", "Theme"), apps.get_model("communities", "Language"))


class Migration(migrations.Migration):
    dependencies = [("communities", "0001_initial")]
    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
