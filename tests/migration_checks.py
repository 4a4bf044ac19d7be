"""What the tests of a migration that renames in Django's state only check: the SQL it would
run (none), the table's columns (the same), and rows written before it (still there)."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

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


def migrate(targets: list[tuple[str, str]] | None = None) -> None:
    """Migrate to `targets`, or to the latest migration of every app."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
