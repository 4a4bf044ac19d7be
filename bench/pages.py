"""Pages that grow with history: their queries, the time the database spends on them, and the
page's time in one process, on a database the caller built (see bench/README.md, "Pages").

Run from a checkout's root, against a PostgreSQL database that holds the history to measure:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test_pages_big SAMEN_DEBUG=1 \\
        .venv/bin/python bench/pages.py --runs 7

Per page it prints the status, the number of queries, the median wall-clock time of the page
in Django's test client (no HTTP, no gunicorn), the sum of the SELECTs' EXPLAIN ANALYZE
execution times and the slowest SELECT with the widest node of its plan. Debug settings: the
demo accounts of `samen seed` are signed in with force_login. It changes nothing but what the
pages write themselves (access records, searches of the trail, sessions).
It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samen.settings")

PAGES = [
    ("signal list", "analist@samen.test", "/signals/"),
    ("signal list, page 40", "analist@samen.test", "/signals/?page=40"),
    ("signal list, a year", "analist@samen.test", "/signals/?period=52"),
    ("audit search", "dpo@samen.test", "/audit/"),
    ("DPO home", "dpo@samen.test", "/"),
    ("network", "analist@samen.test", "/communities/network/"),
    ("community list", "analist@samen.test", "/communities/"),
    ("mediation list", "coordinator@samen.test", "/mediation/"),
    ("plain page (notifications)", "analist@samen.test", "/notifications/"),
]


def rows_read(node: dict) -> tuple[float, tuple[float, dict]]:
    """All rows a plan's nodes produced, and the node that produced the most."""
    here = node.get("Actual Rows", 0) * node.get("Actual Loops", 1)
    below = [rows_read(child) for child in node.get("Plans", [])]
    widest = max([(here, node)] + [b for _, b in below], key=lambda pair: pair[0])
    return here + sum(r for r, _ in below), widest


def describe(node: dict) -> str:
    where = node.get("Index Name") or node.get("Relation Name") or ""
    return f"{node['Node Type']} on {where}" if where else node["Node Type"]


def explain(connection, sql: str, params) -> dict:
    """The best of three EXPLAIN ANALYZE runs of one SELECT."""
    best = None
    for _ in range(3):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]
        if best is None or plan["Execution Time"] < best["Execution Time"]:
            best = plan
    _total, (widest_rows, widest) = rows_read(best["Plan"])
    return {
        "ms": best["Execution Time"],
        "widest": f"{describe(widest)} ({int(widest_rows):,} rows)",
        "sql": sql,
    }


def measure(client, connection, path: str, runs: int) -> dict:
    from django.core.cache import cache
    from django.db import reset_queries

    timings = []
    for _ in range(runs):
        cache.clear()  # every run computes what a first visitor's request computes
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    cached = []
    for _ in range(runs):  # the same page again, with what it may keep in the cache
        started = time.perf_counter()
        client.get(path)
        cached.append((time.perf_counter() - started) * 1000)
    cache.clear()
    reset_queries()
    # Captured by hand: the statements and their parameters, to explain them as run.
    executed = []

    def keep(execute, sql, params, many, context):
        executed.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        client.get(path)
    selects = [(s, p) for s, p in executed if s.lstrip().upper().startswith("SELECT")]
    plans = [explain(connection, s, p) for s, p in selects]
    slowest = max(plans, key=lambda p: p["ms"]) if plans else None
    return {
        "status": response.status_code,
        "queries": len(executed),
        "ms": statistics.median(timings),
        "cached_ms": statistics.median(cached),
        "sql_ms": sum(p["ms"] for p in plans),
        "slowest": slowest,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="requests per page (median)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--page", action="append", help="only the pages with these names")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    if connection.vendor != "postgresql":
        print("error: EXPLAIN needs PostgreSQL (DATABASE_URL)", file=sys.stderr)
        return 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM signals_signal")
        signals = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM audit_auditrecord")
        records = cursor.fetchone()[0]
    print(f"{signals:,} signals, {records:,} audit records; load average {os.getloadavg()}")
    results = {}
    users = get_user_model().objects
    for name, email, path in PAGES:
        if args.page and name not in args.page:
            continue
        client = Client(SERVER_NAME="localhost")
        user = users.get(email=email)
        client.force_login(user)
        session = client.session
        # As allauth records a sign-in that passed a TOTP step (bench/serverlib.py does the same).
        session["account_authentication_methods"] = [
            {"method": "password", "at": time.time(), "email": user.email},
            {"method": "mfa", "at": time.time(), "type": "totp"},
        ]
        session["account_authentication_methods_user"] = str(user.pk)
        session.save()
        client.get(path)  # warm: templates, translations, the session
        found = results[name] = {"path": path, **measure(client, connection, path, args.runs)}
        slowest = found["slowest"]
        print(
            f"{name:<28} {found['status']} {found['queries']:>3} queries "
            f"{found['ms']:>8.1f} ms (cached {found['cached_ms']:>7.1f})  "
            f"SQL {found['sql_ms']:>7.1f} ms"
            + (f"; slowest {slowest['ms']:.1f} ms, {slowest['widest']}" if slowest else "")
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
