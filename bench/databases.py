"""Throwaway benchmark databases: only names containing 'bench' are ever dropped."""

from __future__ import annotations

import time
import urllib.parse


class BenchError(RuntimeError):
    """A set-up or sanity failure that makes the figures meaningless."""


def database_name(database_url: str) -> str:
    """The database name in a URL; refuse names without 'bench' since the scripts drop it."""
    name = urllib.parse.urlsplit(database_url).path.lstrip("/")
    if not name or "bench" not in name:
        raise BenchError(
            f"refusing to drop database {name!r}: its name must contain 'bench' "
            "(this script drops and recreates it)"
        )
    return name


def maintenance_url(database_url: str) -> str:
    """The same server's `postgres` database, to create and drop others from."""
    return urllib.parse.urlsplit(database_url)._replace(path="/postgres").geturl()


def recreate_database(database_url: str) -> None:
    """Drop and create a benchmark database, so every run starts from the same seed."""
    import psycopg
    from psycopg import sql

    name = database_name(database_url)
    print(f"  recreate database {name} ...", end="", flush=True)
    started = time.perf_counter()
    try:
        with psycopg.connect(maintenance_url(database_url), autocommit=True) as conn:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(drop.format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as exc:
        print(" failed")
        raise BenchError(f"could not recreate {name}: {exc}") from exc
    print(f" {time.perf_counter() - started:.1f} s")


def vacuum_analyze(database_url: str) -> None:
    """Planner statistics and the visibility map in place, as after autovacuum caught up."""
    import psycopg

    print("  vacuum analyze ...", end="", flush=True)
    started = time.perf_counter()
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    print(f" {time.perf_counter() - started:.1f} s")
