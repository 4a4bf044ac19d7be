"""A cursor whose statements PostgreSQL keeps prepared, for the few hand-written statements
on the busiest paths (the API's token lookup, filing a signal).

Django binds parameters on the client (it writes the values into the SQL text), so PostgreSQL
parses and plans every statement anew: for filing a signal that cost about as much CPU as
running it. With server-side binding psycopg sends the values apart and prepares a statement
once a connection has run it `prepare_threshold` times (5). Django offers that only for every
query at once (`OPTIONS["server_side_binding"]`), which changes how every ORM query is sent;
this is the same cursor class, for chosen statements only, through Django's own wrapper (the
debug log and execute wrappers still see them).

A statement is prepared per connection, so it pays off with persistent connections
(`DATABASE_CONN_MAX_AGE`, 60 s by default). Behind a pooler in transaction mode (PgBouncer
before 1.21) prepared statements do not survive; set SAMEN_PREPARED_STATEMENTS=0 there.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.db.backends.utils import CursorWrapper


def prepared_cursor() -> CursorWrapper:
    """Like `connection.cursor()`; on PostgreSQL with server-side binding (see above)."""
    if connection.vendor != "postgresql" or not settings.SAMEN_PREPARED_STATEMENTS:
        return connection.cursor()
    from django.db.backends.postgresql.base import TIMESTAMPTZ_OID, ServerBindingCursor
    from django.db.backends.postgresql.psycopg_any import register_tzloader
    from psycopg.pq import Format

    connection.close_if_health_check_failed()
    connection.ensure_connection()
    cursor = ServerBindingCursor(connection.connection)
    # What Django's create_cursor does for its own cursors: moments read in its time zone.
    loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
    if connection.timezone != loader.timezone:
        register_tzloader(connection.timezone, cursor)
    return connection._prepare_cursor(cursor)
