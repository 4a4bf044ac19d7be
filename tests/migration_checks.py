"""What the tests of a migration that renames in Django's state only check: the SQL it would
run (none), the table's columns (the same), and rows written before it (still there)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import connection

QUIET = ("BEGIN;", "COMMIT;")


def statements(app: str, migration: str, *, backwards: bool = False) -> list[str]:
    """The SQL statements `sqlmigrate` shows for one migration on this database."""
    out = StringIO()
    call_command("sqlmigrate", app, migration, backwards=backwards, stdout=out)
    lines = (line.strip() for line in out.getvalue().splitlines())
    return [line for line in lines if line and not line.startswith("--") and line not in QUIET]


def columns(table: str) -> list[tuple[str, str]]:
    """The table's columns with their types, as the database describes them."""
    with connection.cursor() as cursor:
        described = connection.introspection.get_table_description(cursor, table)
    return sorted((column.name, str(column.type_code)) for column in described)


def migrate(app: str | None = None, name: str | None = None) -> None:
    """Migrate `app` to migration `name`, or every app to its latest, as `manage.py migrate`
    does: with its signals, so that a renamed model's content type is renamed too."""
    call_command("migrate", *(arg for arg in (app, name) if arg), verbosity=0)
