"""District context benchmark: what the indicators' context section costs a district page.

Why: each district and neighbourhood page shows the city's chosen indicators (value, trend,
city value, rank among districts) beside the signals. That section must not make the page
noticeably slower: the target is p95 with it at most 1.2 times p95 without it, same run.

One run recreates a PostgreSQL database, migrates it, seeds the city with its boundaries and
statistical sectors (ten synthetic years of indicator figures per sector), serves it with two
gunicorns on the same database (production settings, same worker count): one as in
production, one from bench/without_context_wsgi.py, whose place pages leave the context
section out. It signs the policy analyst in (one session per client) and drives
/places/11002S/ on both with 16 concurrent clients in interleaved rounds.

Run from the project root:  .venv/bin/python bench/district_context.py --seconds 20
It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import BenchError, vacuum_analyze  # noqa: E402
from loadlib import (  # noqa: E402 - the shared load client of the benchmarks
    SIGNED_IN_MARK,
    Target,
    add_comparison_arguments,
    build_phases,
    check_comparison_arguments,
    check_signed_in,
    comparison_ratios,
    get,
    report_header,
    run_load,
    summarise,
)
from serverlib import (  # noqa: E402 - the shared set-up of the benchmarks
    PROJECT_DIR,
    Server,
    collect_static,
    create_sessions,
    server_env,
    set_up_database,
    start_servers,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench_context"
PLACES_DIR = PROJECT_DIR.parent / "shared" / "data" / "antwerp"
TARGET_RATIO = 1.2
CONTEXT_MARK = b'id="context"'


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="recreated")
    parser.add_argument("--path", default="/places/11002S/", help="the page under load")
    add_comparison_arguments(parser)
    args = parser.parse_args(argv)
    check_comparison_arguments(parser, args)
    return args


def main(argv: list[str] | None = None) -> int:
    """Set up, load, report: 0 on target, 3 above it, 1 when requests failed, 2 on errors."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if not PLACES_DIR.is_dir():
        print(f"error: {PLACES_DIR} is needed (boundaries and the sector lookup)", file=sys.stderr)
        return 2
    cores = os.cpu_count() or 1
    processes = min(args.client_processes, args.clients)
    print(
        f"cores: {cores}  gunicorn workers: {args.workers} per server  clients: {args.clients} "
        f"in {processes} processes  page: {args.path}  measured: {args.seconds:g} s per server "
        f"in {args.rounds} rounds (+{args.warmup:g} s warm-up)"
    )
    servers: list[Server] = []
    try:
        with tempfile.TemporaryDirectory(prefix="samen-bench-context-") as tmp:
            workdir = Path(tmp)
            env = server_env(args.database_url, workdir)
            print("setting up:")
            set_up_database(
                args.database_url,
                env,
                staff=args.staff,
                seed_options=["--places-dir", str(PLACES_DIR)],
                label=f"seed {args.staff} staff with boundaries and indicator figures",
            )
            vacuum_analyze(args.database_url)
            cookies = create_sessions(env, args.clients)
            collect_static(env)
            sites = {"with": "samen.wsgi", "without": "bench.without_context_wsgi"}
            ports = start_servers(env, args.workers, workdir, sites, servers)
            for name in sites:
                check_signed_in(ports[name], args.path, cookies)
                body = get(ports[name], args.path, cookies[0])[2]
                if (CONTEXT_MARK in body) != (name == "with"):
                    raise BenchError(f"the {name}-context server's page is not as it should be")
            targets = [
                Target(
                    "district page",
                    args.path,
                    signed_in=True,
                    site=name,
                    must_contain=CONTEXT_MARK if name == "with" else SIGNED_IN_MARK,
                )
                for name in sites
            ]
            phases = build_phases(targets, args.seconds, args.warmup, args.rounds)
            sessions = [{name: cookie for name in sites} for cookie in cookies]
            measured = run_load(ports, sessions, phases, processes)
    except BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted; gunicorn stopped", file=sys.stderr)
        return 130
    finally:
        for server in servers:
            server.stop()

    summaries = [summarise(target, measured[target])[0] for target in targets]
    with_context, without = summaries
    ratios = comparison_ratios(
        ("with", "without"),
        (with_context, without),
        (measured[targets[0]], measured[targets[1]]),
    )
    print()
    print(f"{'server':<10} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for s in summaries:
        print(
            f"{s.site:<10} {s.requests:>9} {s.errors:>7} {s.requests_per_second:>8.1f} "
            f"{s.p50_ms:>8.2f} {s.p95_ms:>8.2f}"
        )
    print()
    for name, value in ratios.items():
        print(f"{name}: {value}")
    print(f"target: p95 with / without at most {TARGET_RATIO}")
    if args.json:
        report = {
            **report_header(args, cores, processes, path=args.path),
            "targets": [asdict(s) for s in summaries],
            "ratios": ratios,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    if with_context.errors or without.errors:
        print("\nwarning: some requests failed; the figures are suspect.", file=sys.stderr)
        return 1
    return 0 if ratios["p95_with_over_without"] <= TARGET_RATIO else 3


if __name__ == "__main__":
    sys.exit(main())
