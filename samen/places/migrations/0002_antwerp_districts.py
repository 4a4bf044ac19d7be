from django.db import migrations


def add_antwerp(apps, schema_editor):
    from samen.places.antwerp import CITY, DISTRICTS

    Place = apps.get_model("places", "Place")
    city, _ = Place.objects.get_or_create(code=CITY["code"], defaults={**CITY, "kind": "city"})
    for district in DISTRICTS:
        Place.objects.get_or_create(
            code=district["code"], defaults={**district, "kind": "district", "parent": city}
        )


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]
    operations = [migrations.RunPython(add_antwerp, migrations.RunPython.noop)]
