"""Encrypt second-factor secrets stored before they were encrypted (local demo databases)."""

from cryptography.fernet import InvalidToken
from django.db import migrations


def encrypt_stored_secrets(apps, schema_editor):
    from samen.people.second_factor_keys import cipher

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all():
        data = dict(authenticator.data)
        for field in ("secret", "seed"):
            if field not in data:
                continue
            try:
                cipher().decrypt(data[field].encode())
            except InvalidToken:
                data[field] = cipher().encrypt(data[field].encode()).decode()
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_stored_secrets, migrations.RunPython.noop)]
