"""Which SQL queries of a page grow with history: each page's queries, explained on two
databases, compared side by side (used by dashboards.py --explain)."""

from __future__ import annotations

import json
import re
from typing import Any

from loadlib import HOST  # bench/ is on sys.path (dashboards.py)
from serverlib import BENCH_USER, VENV_BIN, run_step

EXPLAIN_SHOWN = 6  # queries listed per URL, the most grown first

# --- Queries per page, explained ----------------------------------------------------------------

EXPLAIN_SNIPPET = """
import json, os
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

def rows_read(node):
    here = node.get("Actual Rows", 0) * node.get("Actual Loops", 1)
    below = [rows_read(child) for child in node.get("Plans", [])]
    return here + sum(r for r, _ in below), max([(here, node)] + [b for _, b in below],
                                                  key=lambda pair: pair[0])

def describe(node):
    where = node.get("Relation Name") or node.get("Index Name") or ""
    return f"{node['Node Type']} on {where}" if where else node["Node Type"]

user = get_user_model().objects.get(email=os.environ["BENCH_USER"])
client = Client(SERVER_NAME=os.environ["BENCH_HOST"])
client.force_login(user)
for path in json.loads(os.environ["BENCH_PATHS"]):
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(path).status_code
    for index, query in enumerate(captured.captured_queries):
        sql = query["sql"]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        best = None
        for _ in range(3):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                plan = cursor.fetchone()[0][0]
            if best is None or plan["Execution Time"] < best["Execution Time"]:
                best = plan
        total, (widest_rows, widest) = rows_read(best["Plan"])
        print("explain", json.dumps({
            "path": path, "status": status, "index": index, "sql": sql,
            "ms": round(best["Execution Time"], 3), "rows_read": int(total),
            "widest": f"{describe(widest)} ({int(widest_rows)} rows)",
        }))
"""


def explain(name: str, env: dict[str, str], paths: list[str]) -> list[dict[str, Any]]:
    """Every SELECT each page runs for the analyst, with its EXPLAIN ANALYZE time (best of 3)."""
    out = run_step(
        f"explain the queries of {len(paths)} pages on {name}",
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", EXPLAIN_SNIPPET],
        {
            **env,
            "BENCH_USER": BENCH_USER,
            "BENCH_HOST": HOST,
            "BENCH_PATHS": json.dumps(paths),
        },
    )
    return [json.loads(line[8:]) for line in out.splitlines() if line.startswith("explain ")]


def query_shape(sql: str) -> str:
    """The query without its literals, so the same query matches across the two databases."""
    shape = re.sub(r"'(?:[^']|'')*'", "?", sql)
    shape = re.sub(r"\b\d+(?:\.\d+)?\b", "?", shape)
    return re.sub(r"\((?:\?, )*\?\)", "(...)", shape)


def compare_queries(
    small: list[dict[str, Any]], large: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Pair each page's queries on the two databases (by shape and turn), most grown first."""
    paired: dict[tuple[str, str, int], dict[str, Any]] = {}
    for which, records in (("small", small), ("large", large)):
        seen: dict[tuple[str, str], int] = {}
        for record in records:
            shape = query_shape(record["sql"])
            turn = seen[(record["path"], shape)] = seen.get((record["path"], shape), 0) + 1
            entry = paired.setdefault(
                (record["path"], shape, turn), {"path": record["path"], "sql": record["sql"]}
            )
            entry[which] = {k: record[k] for k in ("ms", "rows_read", "widest")}
    rows = list(paired.values())
    rows.sort(
        key=lambda r: r.get("large", {}).get("ms", 0) - r.get("small", {}).get("ms", 0),
        reverse=True,
    )
    return rows


def print_queries(paths: list[str], rows: list[dict[str, Any]]) -> None:
    """Per URL, the queries that grew most from the small to the large database."""
    print("\nEXPLAIN ANALYZE of each page's queries (best of 3; rows read = over all plan nodes):")
    for path in paths:
        mine = [r for r in rows if r["path"] == path]
        small_ms = sum(r.get("small", {}).get("ms", 0) for r in mine)
        large_ms = sum(r.get("large", {}).get("ms", 0) for r in mine)
        print(
            f"\n{path}: {len(mine)} queries, {small_ms:.1f} ms on small, {large_ms:.1f} ms on large"
        )
        print(f"  {'small ms':>9} {'large ms':>9} {'small rows':>11} {'large rows':>11}  query")
        for r in mine[:EXPLAIN_SHOWN]:
            s, g = r.get("small", {}), r.get("large", {})
            sql = " ".join(r["sql"].split())
            sql = re.sub(r'SELECT .*? FROM "', 'SELECT ... FROM "', sql, count=1)
            print(
                f"  {s.get('ms', float('nan')):>9.2f} {g.get('ms', float('nan')):>9.2f} "
                f"{s.get('rows_read', 0):>11,} {g.get('rows_read', 0):>11,}  {sql[:150]}"
            )
            if g:
                print(f"  {'':>43}  widest step on large: {g['widest']}")


# --- Report ----------------------------------------------------------------------------------
