"""Encrypt the case's purpose and reason for closing, and a referral's reason for rejecting.

People write about the person in these texts, so they are encrypted at rest like the minutes
and assessments. The data step runs while the columns are still plain text fields in the
migration state, so it reads the plaintext as stored and writes the Fernet token with the
newest key; the field change itself alters no column (both are text). Reversing first turns
the fields back into plain text fields, then decrypts the tokens.
"""

from django.db import migrations

import samen.cases.fields

BATCH = 500
FIELDS = {
    "case": ("purpose", "closure_reason"),
    "referral": ("rejection_reason",),
}


def _convert(apps, convert):
    from samen.cases import crypto

    for model_name, fields in FIELDS.items():
        model = apps.get_model("cases", model_name)
        last = 0
        while batch := list(
            model.objects.filter(pk__gt=last).order_by("pk").values_list("pk", *fields)[:BATCH]
        ):
            for pk, *values in batch:
                changes = {}
                for name, value in zip(fields, values, strict=True):
                    if value:
                        new = convert(crypto, value)
                        if new != value:
                            changes[name] = new
                if changes:
                    model.objects.filter(pk=pk).update(**changes)
            last = batch[-1][0]


def _encrypt(crypto, value):
    try:
        crypto.decrypt(value)  # already a token (a re-run): leave it
    except (crypto.InvalidToken, UnicodeEncodeError, ValueError, TypeError):
        return crypto.encrypt(value)
    return value


def _decrypt(crypto, value):
    try:
        return crypto.decrypt(value)
    except (crypto.InvalidToken, UnicodeEncodeError, ValueError, TypeError):
        return value  # plaintext already


def encrypt_plaintext(apps, schema_editor):
    _convert(apps, _encrypt)


def decrypt_tokens(apps, schema_editor):
    _convert(apps, _decrypt)


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0002_case_work"),
    ]

    operations = [
        migrations.RunPython(encrypt_plaintext, decrypt_tokens, elidable=False),
        migrations.AlterField(
            model_name="case",
            name="closure_reason",
            field=samen.cases.fields.EncryptedTextField(
                blank=True, verbose_name="reason for closing"
            ),
        ),
        migrations.AlterField(
            model_name="case",
            name="purpose",
            field=samen.cases.fields.EncryptedTextField(
                help_text="Why this case is discussed: the prevention of violent extremism it serves.",
                verbose_name="purpose",
            ),
        ),
        migrations.AlterField(
            model_name="referral",
            name="rejection_reason",
            field=samen.cases.fields.EncryptedTextField(
                blank=True, verbose_name="reason for rejecting"
            ),
        ),
    ]
