"""Dashboard benchmark: the monitor pages on a year of 10,000 against 1,000,000 signals.

Why: the city overview and the district monitor read pre-aggregated weekly counts, so their
cost should depend on the places and weeks shown, not on how many signals history holds.
This script checks that promise under load: it builds two throwaway PostgreSQL databases with
the same seeded city, one with 10,000 and one with 1,000,000 signals over the last 52 weeks,
serves each with its own gunicorn (production settings, same worker count), signs the policy
analyst in with one session per client, and drives the same URLs on both with the same
concurrent clients in interleaved rounds (small, large, large, small, ...) so that drift on a
busy machine hits both alike. It reports the figures per database and URL, and the p95 ratio
large/small per URL against the target of at most 1.5. With --explain it also runs EXPLAIN
ANALYZE on every query each page makes, on both databases, and lists the ones that grow.

Run from the project root:  .venv/bin/python bench/dashboards.py --seconds 20
It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import (  # noqa: E402
    BenchError,
    database_name,
    maintenance_url,
    recreate_database,
    vacuum_analyze,
)
from loadlib import (  # noqa: E402 - the shared load client of the benchmarks
    HOST,
    SIGNED_IN_MARK,
    PhaseResult,
    Target,
    TargetSummary,
    build_phases,
    check_signed_in,
    report_header,
    run_load,
    summarise,
)
from query_growth import compare_queries, explain, print_queries  # noqa: E402
from serverlib import (  # noqa: E402 - the shared set-up of the benchmarks
    VENV_BIN,
    Server,
    create_sessions,
    free_port,
    run_step,
    seed_env,
    server_env,
)

SERVER_URL = "postgres://postgres@127.0.0.1:5432/"
DEFAULT_PATHS = ["/monitor/?period=52", "/monitor/11002S/?period=52", "/places/11002S/"]
NAMES = {
    "/monitor/?period=52": "city overview",
    "/monitor/11002S/?period=52": "district monitor",
    "/places/11002S/": "district page",
}
TARGET_RATIO = 1.5  # p95 on 1,000,000 signals at most this many times p95 on 10,000
SEED = 2026  # `samen seed`'s default: the same city in both databases
MARKER = "samen bench dashboards: seed={seed} staff={staff} signals={signals}"


@dataclass(frozen=True)
class Site:
    """One of the two databases: its name in the report, its size and where it lives."""

    name: str
    signals: int
    url: str


# --- Building the databases ------------------------------------------------------------------


def connect(url: str, autocommit: bool = True) -> Any:
    """A psycopg connection (imported late: --help works without the project's packages)."""
    import psycopg

    return psycopg.connect(url, autocommit=autocommit)


def marker(site: Site, staff: int) -> str:
    """What a finished build writes on its database, so --reuse knows what it holds."""
    return MARKER.format(seed=SEED, staff=staff, signals=site.signals)


def built_marker(site: Site) -> str | None:
    """The marker on the database, or None when it does not exist or was not finished."""
    import psycopg

    name = database_name(site.url)
    try:
        with connect(maintenance_url(site.url)) as conn:
            row = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [name],
            ).fetchone()
    except psycopg.Error as exc:
        raise BenchError(f"cannot reach PostgreSQL: {exc}") from exc
    return row[0] if row else None


CONSISTENCY_SQL = """
WITH s AS (
    SELECT s.id, s.week, s.severity, ARRAY[d.parent_id, s.district_id, s.neighbourhood_id] AS ps
    FROM signals_signal s JOIN places_place d ON d.id = s.district_id
), keyed AS (
    SELECT p AS place_id, s.week, 0::bigint AS category_id, s.severity
    FROM s CROSS JOIN unnest(s.ps) AS p WHERE p IS NOT NULL
    UNION ALL
    SELECT p, s.week, sc.category_id, s.severity
    FROM s JOIN signals_signal_categories sc ON sc.signal_id = s.id
    CROSS JOIN unnest(s.ps) AS p WHERE p IS NOT NULL
), expected AS (
    SELECT place_id, week, category_id, count(*) AS n, sum(severity) AS w
    FROM keyed GROUP BY place_id, week, category_id
), stored AS (
    SELECT place_id, week, coalesce(category_id, 0) AS category_id, count AS n, weighted AS w
    FROM signals_weeklycount
)
SELECT count(*) FROM expected e FULL JOIN stored c
    ON c.place_id = e.place_id AND c.week = e.week AND c.category_id = e.category_id
WHERE coalesce(e.n, 0) <> coalesce(c.n, 0) OR coalesce(e.w, 0) <> coalesce(c.w, 0)
"""


def inventory(site: Site) -> dict[str, Any]:
    """What the database holds, as the report shows it."""
    with connect(site.url) as conn:
        signals, first, last = conn.execute(
            "SELECT count(*), min(week), max(week) FROM signals_signal"
        ).fetchone()
        return {
            "signals": signals,
            "weeks": f"{first} .. {last}" if first else "",
            "category_links": conn.execute(
                "SELECT count(*) FROM signals_signal_categories"
            ).fetchone()[0],
            "weekly_count_rows": conn.execute(
                "SELECT count(*) FROM signals_weeklycount"
            ).fetchone()[0],
            "open_follow_ups": conn.execute(
                "SELECT count(*) FROM signals_followup WHERE is_open"
            ).fetchone()[0],
            "size_mb": round(
                conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6
            ),
        }


def describe(held: dict[str, Any]) -> str:
    """One line on what a database holds."""
    return (
        f"  holds {held['signals']:,} signals (weeks {held['weeks']}), "
        f"{held['category_links']:,} category links, {held['weekly_count_rows']:,} weekly-count "
        f"rows, {held['open_follow_ups']:,} open follow-ups; {held['size_mb']:,} MB"
    )


def build(site: Site, env: dict[str, str], staff: int) -> float:
    """Drop, create, migrate and seed one database; check its weekly counts; seconds taken.

    `samen seed` writes the signals through bulk_store, which keeps the weekly counts in step;
    the check recounts them from the signals anyway, since the comparison rests on them.
    """
    from psycopg import sql

    started = time.perf_counter()
    recreate_database(site.url)
    python = str(VENV_BIN / "python")
    run_step("migrate", [python, "manage.py", "migrate", "--noinput"], env)
    seed = [str(VENV_BIN / "samen"), "seed", "--seed", str(SEED), "--staff", str(staff)]
    seed += ["--signals", str(site.signals), "--no-progress"]
    run_step(f"seed {staff} staff and {site.signals:,} signals", seed, seed_env(env))
    vacuum_analyze(site.url)
    seconds = time.perf_counter() - started
    print("  check the weekly counts against the signals ...", end="", flush=True)
    step = time.perf_counter()
    with connect(site.url) as conn:
        wrong = conn.execute(CONSISTENCY_SQL).fetchone()[0]
    print(f" {time.perf_counter() - step:.1f} s")
    if wrong:
        raise BenchError(f"{wrong} weekly-count rows of {site.name} disagree with its signals")
    with connect(maintenance_url(site.url)) as conn:
        conn.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(database_name(site.url)), sql.Literal(marker(site, staff))
            )
        )
    return seconds


def prepare(site: Site, env: dict[str, str], staff: int, reuse: bool) -> float | None:
    """Build the database, or with --reuse keep one an earlier run finished with the same sizes.

    Returns the build's seconds, or None when an existing database was kept.
    """
    print(f"{site.name} database ({database_name(site.url)}, {site.signals:,} signals):")
    if reuse and built_marker(site) == marker(site, staff):
        print("  kept from an earlier run (--reuse); migrate to the current schema")
        run_step("migrate", [str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput"], env)
        return None
    seconds = build(site, env, staff)
    print(f"  built in {seconds:.1f} s")
    return seconds


def print_report(
    sites: list[Site],
    held: dict[str, dict[str, Any]],
    summaries: list[TargetSummary],
    ratios: dict[str, dict[str, float]],
) -> None:
    """The figures per database and URL, then the p95 ratio per URL against the target."""
    print()
    path_width = max(len(s.path) for s in summaries)
    print(
        f"{'database':<8} {'signals':>9} {'path':<{path_width}} {'requests':>9} {'errors':>7} "
        f"{'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    )
    for s in summaries:
        print(
            f"{s.site:<8} {held[s.site]['signals']:>9,} {s.path:<{path_width}} {s.requests:>9} "
            f"{s.errors:>7} {s.requests_per_second:>8.1f} {s.p50_ms:>8.1f} {s.p95_ms:>8.1f} "
            f"{s.p99_ms:>8.1f}"
        )
    small, large = sites
    print(
        f"\np95({large.name}) / p95({small.name}) per URL, target: at most {TARGET_RATIO:g}"
        "  (req/s ratio alongside)"
    )
    for path, ratio in ratios.items():
        verdict = "ok" if ratio["p95"] <= TARGET_RATIO else "ABOVE TARGET"
        print(
            f"  {path:<{path_width}} {ratio['p95']:>6.2f}  (at most {TARGET_RATIO:g}: {verdict})"
            f"   req/s {ratio['throughput']:.2f}"
        )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options; the defaults are the reference configuration."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=20.0, help="measured seconds per database and URL"
    )
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds per target")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (default 2)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument(
        "--client-processes", type=int, default=4, help="processes the clients are spread over"
    )
    parser.add_argument("--staff", type=int, default=700, help="staff members to seed")
    parser.add_argument("--small-signals", type=int, default=10_000, help="signals, small")
    parser.add_argument("--large-signals", type=int, default=1_000_000, help="signals, large")
    parser.add_argument(
        "--small-database-url",
        default=SERVER_URL + "samen_bench_dash_small",
        help="dropped and recreated (name must contain 'bench')",
    )
    parser.add_argument(
        "--large-database-url",
        default=SERVER_URL + "samen_bench_dash_large",
        help="dropped and recreated (name must contain 'bench')",
    )
    parser.add_argument(
        "--path",
        action="append",
        dest="paths",
        help=f"a URL to load, repeatable (default: {' '.join(DEFAULT_PATHS)})",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep databases an earlier run built with the same sizes instead of rebuilding",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="after the load, EXPLAIN ANALYZE every query of each page on both databases",
    )
    parser.add_argument(
        "--drop", action="store_true", help="drop both databases at the end (kept by default)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    args.paths = args.paths or list(DEFAULT_PATHS)
    if min(args.workers, args.clients, args.client_processes, args.rounds) < 1:
        parser.error("--workers, --clients, --client-processes and --rounds must be at least 1")
    if args.seconds <= 0 or args.warmup < 0:
        parser.error("--seconds must be positive and --warmup not negative")
    if min(args.small_signals, args.large_signals) < 1:
        parser.error("--small-signals and --large-signals must be at least 1")
    if any(not p.startswith("/") for p in args.paths):
        parser.error("--path takes a path on the server, starting with /")
    return args


def drop(sites: list[Site]) -> None:
    """Drop the benchmark databases (only names containing 'bench', as everywhere here)."""
    from psycopg import sql

    for site in sites:
        name = database_name(site.url)
        with connect(maintenance_url(site.url)) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            print(f"dropped {name}")


def main(argv: list[str] | None = None) -> int:
    """Build, load, report; 0 all fine, 1 failed requests, 2 set-up error, 3 above target."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # a plain `kill` stops gunicorn
    sites = [
        Site("small", args.small_signals, args.small_database_url),
        Site("large", args.large_signals, args.large_database_url),
    ]
    cores = os.cpu_count() or 1
    processes = min(args.client_processes, args.clients)
    targets = [
        Target(NAMES.get(path, "page"), path, signed_in=True, site=site.name,
               must_contain=SIGNED_IN_MARK)
        for site in sites
        for path in args.paths
    ]  # fmt: skip
    phases = build_phases(targets, args.seconds, args.warmup, args.rounds)
    print(
        f"cores: {cores}  gunicorn workers: {args.workers} per server  clients: {args.clients} "
        f"in {processes} processes  measured: {args.seconds:g} s per database and URL "
        f"in {args.rounds} rounds (+{args.warmup:g} s warm-up)"
    )
    build_seconds: dict[str, float | None] = {}
    held: dict[str, dict[str, Any]] = {}
    queries: list[dict[str, Any]] = []
    try:
        for site in sites:
            database_name(site.url)  # refuse before anything is dropped
        if database_name(sites[0].url) == database_name(sites[1].url):
            raise BenchError("the small and the large database must differ")
        with tempfile.TemporaryDirectory(prefix="samen-bench-dash-") as tmp:
            workdir = Path(tmp)
            envs = {site.name: server_env(site.url, workdir) for site in sites}
            for site in sites:
                build_seconds[site.name] = prepare(site, envs[site.name], args.staff, args.reuse)
                held[site.name] = inventory(site)
                print(describe(held[site.name]))
            print("serving:")
            python = str(VENV_BIN / "python")
            collect = [python, "manage.py", "collectstatic", "--noinput"]
            run_step("collectstatic", collect, envs["small"])
            sessions = {
                site.name: create_sessions(envs[site.name], args.clients, site.name)
                for site in sites
            }
            servers: list[Server] = []
            try:
                for site in sites:
                    server = Server(
                        envs[site.name], args.workers, free_port(), workdir / f"{site.name}.log"
                    )
                    servers.append(server)
                    print(f"  gunicorn for {site.name} on {HOST}:{server.port}", flush=True)
                    server.start()
                    for path in args.paths:
                        check_signed_in(server.port, path, sessions[site.name])
                ports = {s.name: srv.port for s, srv in zip(sites, servers, strict=True)}
                per_client = [
                    {site.name: sessions[site.name][i] for site in sites}
                    for i in range(args.clients)
                ]
                print("load:")
                measured = run_load(ports, per_client, phases, processes)
            finally:
                for server in servers:
                    server.stop()
            logs = {s.name: srv.log_tail() for s, srv in zip(sites, servers, strict=True)}
            if args.explain:
                print("explaining:")
                found = {
                    site.name: explain(site.name, envs[site.name], args.paths) for site in sites
                }
                queries = compare_queries(found["small"], found["large"])
        if args.drop:
            drop(sites)
    except BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted; gunicorn stopped", file=sys.stderr)
        return 130

    summaries: list[TargetSummary] = []
    samples: dict[str, list[str]] = {}
    for target in targets:
        summary, samples[target.label] = summarise(target, measured.get(target, [PhaseResult()]))
        summaries.append(summary)
    by_key = {(s.site, s.path): s for s in summaries}
    ratios = {
        path: {
            "p95": round(by_key[("large", path)].p95_ms / by_key[("small", path)].p95_ms, 3),
            "throughput": round(
                by_key[("large", path)].requests_per_second
                / by_key[("small", path)].requests_per_second,
                3,
            ),
        }
        for path in args.paths
    }
    print_report(sites, held, summaries, ratios)
    for site in sites:
        took = build_seconds[site.name]
        print(f"build {site.name}: " + (f"{took:.1f} s" if took is not None else "kept (--reuse)"))
    if queries:
        print_queries(args.paths, queries)
    if args.json:
        report: dict[str, Any] = {
            **report_header(args, cores, processes, paths=args.paths),
            "databases": {
                site.name: {
                    "requested_signals": site.signals,
                    "build_seconds": build_seconds[site.name],
                    **held[site.name],
                }
                for site in sites
            },
            "targets": [asdict(s) for s in summaries],
            "p95_ratio_target": TARGET_RATIO,
            "ratios_large_over_small": ratios,
            "queries": queries,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"figures written to {args.json}")
    errors = sum(s.errors for s in summaries)
    if errors:
        print(f"\nwarning: {errors} requests failed; the figures are suspect.", file=sys.stderr)
        for label, messages in samples.items():
            for message in messages:
                print(f"  {label}: {message}", file=sys.stderr)
        for name, tail in logs.items():
            print(f"end of the {name} gunicorn log:\n{tail}", file=sys.stderr)
        return 1
    return 0 if all(r["p95"] <= TARGET_RATIO for r in ratios.values()) else 3


if __name__ == "__main__":
    sys.exit(main())
