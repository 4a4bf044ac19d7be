"""Per-request benchmark: what a signed-in request costs before its view runs.

Why: every page of every person passes the same middleware (session, person, lapsed role,
second factor, the sessions list's last-seen time) before its view does anything. Whatever it
reads or writes there is paid on every request, so it is counted here per request rather than
timed under load: queries and writes before the view (and after it, where the session is
saved), for the first request of a session, a request within a minute of the last one, and
one more than a minute later; then the time of --requests requests through Django's test
client on the bare page (/bench/bare/, no database work of its own).

One run makes a throwaway database on the current backend (SQLite in a temporary file, or
with --database-url / DATABASE_URL a PostgreSQL database whose name contains "bench", dropped
and recreated), migrates it with production settings (bench/settings.py), creates a policy
analyst (no second factor) and an administrator with a TOTP app, signs each in and measures.

Run from the project root:

    .venv/bin/python bench/per_request.py
    .venv/bin/python bench/per_request.py --database-url \\
        postgres://postgres@127.0.0.1:5432/samen_bench_per_request

It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import BenchError, database_name, recreate_database  # noqa: E402
from loadlib import HOST  # noqa: E402 - the shared constants of the benchmarks
from serverlib import PROJECT_DIR, VENV_BIN, run_step, server_env  # noqa: E402

BARE_PATH = "/bench/bare/"
WRITES = ("INSERT", "UPDATE", "DELETE")
# Where the view starts: queries recorded after this middleware's process_view hook ran are
# the view's or the response's (the bare view makes none; the session is saved after it).
VIEW_MARK = "__main__.ViewStartMark"
phase = {"now": "before"}


class ViewStartMark:
    """The last middleware: marks the moment the view is about to run."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs) -> None:
        phase["now"] = "after"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL database to recreate (its name must contain 'bench'); default: "
        "the server of DATABASE_URL with a database samen_bench_per_request, else SQLite",
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per person")
    parser.add_argument("--queries", action="store_true", help="list each request's queries")
    return parser.parse_args(argv)


def choose_database(given: str) -> str:
    """The PostgreSQL URL to recreate, or "" for a throwaway SQLite file."""
    if given:
        database_name(given)  # refuses names without "bench"
        return given
    current = os.environ.get("DATABASE_URL", "")
    if not current:
        return ""
    return urllib.parse.urlsplit(current)._replace(path="/samen_bench_per_request").geturl()


def one_request(client, path: str) -> dict[str, int]:
    """Send one GET; count the queries and writes before the view and after it."""
    from django.db import connection

    counts = {"before": 0, "before_writes": 0, "after": 0, "after_writes": 0, "status": 0}
    counts["sql"] = []

    def record(execute, sql, params, many, context):
        counts[phase["now"]] += 1
        counts["sql"].append(f"{phase['now']:<6} {' '.join(sql.split())[:110]}")
        if sql.lstrip().upper().startswith(WRITES):
            counts[phase["now"] + "_writes"] += 1
        return execute(sql, params, many, context)

    phase["now"] = "before"
    with connection.execute_wrapper(record):
        counts["status"] = client.get(path).status_code
    return counts


def measure(label: str, client, requests: int) -> dict[str, object]:
    """One signed-in session: its first request, one within the minute, the time of
    `requests` more (within a minute), then one 61 s later."""
    import time_machine
    from django.utils import timezone

    first = one_request(client, BARE_PATH)
    within = one_request(client, BARE_PATH)
    started = time.perf_counter()
    for _ in range(requests):
        status = client.get(BARE_PATH).status_code
        if status != 200:
            raise BenchError(f"{label}: {BARE_PATH} answered {status}")
    elapsed = time.perf_counter() - started
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61), tick=True):
        later = one_request(client, BARE_PATH)
    for name, counts in (("first", first), ("within", within), ("later", later)):
        if counts["status"] != 200:
            raise BenchError(f"{label}: the {name} request answered {counts['status']}")
    return {"first": first, "within": within, "later": later, "seconds": elapsed}


def run(requests: int) -> list[tuple[str, dict[str, object]]]:
    """Create the people, sign them in and measure, in this process."""
    import django

    django.setup()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.conf import settings
    from django.test import Client

    from samen.people.actions import staff_member_create
    from samen.people.roles import Role

    settings.MIDDLEWARE = [*settings.MIDDLEWARE, VIEW_MARK]
    analyst = staff_member_create(
        by=None, email="analist@samen.test", full_name="Bench Analist", role=Role.POLICY_ANALYST
    )
    admin = staff_member_create(
        by=None, email="beheer@samen.test", full_name="Bench Beheer", role=Role.ADMINISTRATOR
    )
    TOTP.activate(admin, generate_totp_secret())
    results = []
    anonymous = Client(SERVER_NAME=HOST)
    anonymous.get(BARE_PATH)
    started = time.perf_counter()
    for _ in range(requests):
        anonymous.get(BARE_PATH)
    results.append(("anonymous", {"seconds": time.perf_counter() - started}))
    for label, person in (("analyst", analyst), ("administrator", admin)):
        client = Client(SERVER_NAME=HOST)
        client.force_login(person)
        results.append((label, measure(label, client, requests)))
    return results


def report(
    database: str, requests: int, results: list[tuple[str, dict[str, object]]], queries: bool
) -> None:
    print(f"\ndatabase: {database}")
    print(
        f"{'person':<14} {'request':<22} {'queries before view':>20} {'writes before':>14} "
        f"{'queries after':>14} {'writes after':>13}"
    )
    for label, result in results:
        for name, title in (
            ("first", "first of the session"),
            ("within", "within a minute"),
            ("later", "61 s later"),
        ):
            if name not in result:
                continue
            c = result[name]
            print(
                f"{label:<14} {title:<22} {c['before']:>20} {c['before_writes']:>14} "
                f"{c['after']:>14} {c['after_writes']:>13}"
            )
            if queries:
                print("\n".join(f"    {line}" for line in c["sql"]))
    print(f"\n{requests} requests to {BARE_PATH} through the test client:")
    for label, result in results:
        seconds = result["seconds"]
        print(f"  {label:<14} {seconds:7.3f} s  ({seconds / requests * 1000:.2f} ms a request)")


def main(argv: list[str] | None = None) -> int:
    """Set up, measure, report: 0 when every request answered 200, 2 on errors."""
    args = parse_args(argv)
    try:
        database_url = choose_database(args.database_url)
        with tempfile.TemporaryDirectory(prefix="samen-bench-per-request-") as tmp:
            workdir = Path(tmp)
            env = server_env(database_url, workdir)
            (workdir / "static").mkdir()  # WhiteNoise's STATIC_ROOT, empty: no file is asked for
            if database_url:
                recreate_database(database_url)
                database = f"PostgreSQL ({database_name(database_url)})"
            else:
                env.pop("DATABASE_URL")
                env["SAMEN_SQLITE_PATH"] = str(workdir / "bench.sqlite3")
                database = "SQLite (a temporary file)"
            print("setting up:")
            run_step(
                "migrate", [str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput"], env
            )
            os.environ.clear()
            os.environ.update(env)
            sys.path.insert(0, str(PROJECT_DIR))  # bench.settings, as PYTHONPATH says for a server
            results = run(args.requests)
    except BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    report(database, args.requests, results, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
