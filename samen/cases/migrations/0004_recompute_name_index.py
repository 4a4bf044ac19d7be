"""Recompute the blind index of every name with the normalisation that keeps every script.

Before, letters outside ASCII without an accent to drop (Ł, ß, Cyrillic, Arabic) were thrown
away, so such names had an empty or colliding index. Latin names with accents fold as before,
so their index does not change and only the rows whose index differs are written. Reversing
leaves the indexes as they are (the old ones were wrong for those names).
"""

from django.db import migrations

BATCH = 500


def recompute(apps, schema_editor):
    from samen.cases import crypto

    for model_name in ("caseperson", "referral"):
        model = apps.get_model("cases", model_name)
        last = 0
        while batch := list(model.objects.filter(pk__gt=last).order_by("pk")[:BATCH]):
            for row in batch:
                index = crypto.name_index(row.name) if row.name else ""
                if index != row.name_index:
                    model.objects.filter(pk=row.pk).update(name_index=index)
            last = batch[-1].pk


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0003_encrypt_case_text"),
    ]

    operations = [
        migrations.RunPython(recompute, migrations.RunPython.noop, elidable=False),
    ]
