from django.db import migrations

# Samen keeps its trail in audit_auditrecord (AUDITLOG_LOGENTRY_MODEL). django-auditlog's own
# migrations still create auditlog_logentry, which stays empty; its foreign keys to users and
# content types would stop PostgreSQL from truncating those tables (as the test runner does),
# so they are dropped. SQLite needs nothing: it empties tables row by row.
FOREIGN_KEYS = """
SELECT conname FROM pg_constraint
WHERE conrelid = 'auditlog_logentry'::regclass AND contype = 'f'
"""


def detach(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FOREIGN_KEYS)
        names = [row[0] for row in cursor.fetchall()]
    for name in names:
        schema_editor.execute(
            f"ALTER TABLE auditlog_logentry DROP CONSTRAINT {schema_editor.quote_name(name)}",
            params=None,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_append_only_trigger"),
        ("auditlog", "0017_add_actor_email"),
    ]
    operations = [migrations.RunPython(detach, migrations.RunPython.noop)]
