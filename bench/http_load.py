"""HTTP load benchmark: the signed-in home page against a bare Django view, under gunicorn.

Why: a page's cost only means something next to the cost of Django doing nothing on the same
machine, server and database. This script builds a fresh seeded PostgreSQL database, serves
it with gunicorn using production settings, and drives both URLs with the same concurrent
clients in interleaved rounds, so that machine drift hits both alike. It reports throughput
and latency per URL and the page/bare ratios.

Run from the project root:  .venv/bin/python bench/http_load.py --seconds 20
It is not part of the test suite. The load client uses the standard library only.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import BenchError, recreate_database  # noqa: E402
from loadlib import (  # noqa: E402 - the shared load client of the benchmarks
    HOST,
    SIGNED_IN_MARK,
    Target,
    TargetSummary,
    build_phases,
    check_signed_in,
    get,
    report_header,
    run_load,
    summarise,
)
from serverlib import (  # noqa: E402 - the shared set-up of the benchmarks
    VENV_BIN,
    Server,
    create_sessions,
    free_port,
    run_step,
    seed_env,
    server_env,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench"
PAGE = Target("page", "/", signed_in=True, must_contain=SIGNED_IN_MARK)
BARE = Target("bare", "/bench/bare/", signed_in=False)
TARGETS = (PAGE, BARE)


def check_targets(port: int, cookies: list[str]) -> None:
    """Refuse to measure unless every session really is signed in and the baseline answers."""
    check_signed_in(port, PAGE.path, cookies)
    status, _, body = get(port, BARE.path)
    if status != 200 or body != b"ok":
        raise BenchError(f"GET {BARE.path} gave {status}: is bench.settings in use?")


# --- Report ----------------------------------------------------------------------------------


def print_report(summaries: list[TargetSummary], ratios: dict[str, float]) -> None:
    """The figures as a small table, then the ratios."""
    print()
    print(
        f"{'target':<6} {'path':<13} {'requests':>9} {'errors':>7} {'req/s':>9} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    )
    for s in summaries:
        print(
            f"{s.target:<6} {s.path:<13} {s.requests:>9} {s.errors:>7} "
            f"{s.requests_per_second:>9.1f} {s.p50_ms:>8.2f} {s.p95_ms:>8.2f} {s.p99_ms:>8.2f}"
        )
    print()
    print(f"page/bare throughput: {ratios['throughput_page_over_bare']:.3f}")
    print(f"page/bare p95 latency: {ratios['p95_page_over_bare']:.2f}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options; the defaults are the reference configuration."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=DEFAULT_DATABASE_URL, help="dropped and recreated"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per target")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds per target")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds per target")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument(
        "--client-processes", type=int, default=4, help="processes the clients are spread over"
    )
    parser.add_argument("--staff", type=int, default=700, help="staff members to seed")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if min(args.workers, args.clients, args.client_processes, args.rounds) < 1:
        parser.error("--workers, --clients, --client-processes and --rounds must be at least 1")
    if args.seconds <= 0 or args.warmup < 0:
        parser.error("--seconds must be positive and --warmup not negative")
    return args


def main(argv: list[str] | None = None) -> int:
    """Set up, load, report; 0 when every request succeeded, 1 when some failed, 2 on errors."""
    args = parse_args(argv)
    # A plain `kill` should stop gunicorn too: treat SIGTERM like Ctrl+C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    cores = os.cpu_count() or 1
    processes = min(args.client_processes, args.clients)
    phases = build_phases(TARGETS, args.seconds, args.warmup, args.rounds)
    print(
        f"cores: {cores}  gunicorn workers: {args.workers}  clients: {args.clients} "
        f"in {processes} processes  measured: {args.seconds:g} s per target "
        f"in {args.rounds} rounds (+{args.warmup:g} s warm-up)"
    )
    try:
        with tempfile.TemporaryDirectory(prefix="samen-bench-") as tmp:
            workdir = Path(tmp)
            env = server_env(args.database_url, workdir)
            python = str(VENV_BIN / "python")
            print("setting up:")
            recreate_database(args.database_url)
            run_step("migrate", [python, "manage.py", "migrate", "--noinput"], env)
            seed = [str(VENV_BIN / "samen"), "seed", "--staff", str(args.staff), "--no-progress"]
            run_step(f"seed {args.staff} staff", seed, seed_env(env))
            cookies = create_sessions(env, args.clients)
            run_step("collectstatic", [python, "manage.py", "collectstatic", "--noinput"], env)

            server = Server(env, args.workers, free_port(), workdir / "gunicorn.log")
            try:
                print(f"starting gunicorn on {HOST}:{server.port}:")
                server.start()
                check_targets(server.port, cookies)
                sessions = [{"": cookie} for cookie in cookies]
                measured = run_load({"": server.port}, sessions, phases, processes)
            finally:
                server.stop()
            failed_log = server.log_tail()
    except BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted; gunicorn stopped", file=sys.stderr)
        return 130

    summaries, samples = [], {}
    for target in TARGETS:
        summary, samples[target.name] = summarise(target, measured[target])
        summaries.append(summary)
    page, bare = summaries
    ratios = {
        "throughput_page_over_bare": round(page.requests_per_second / bare.requests_per_second, 4),
        "p95_page_over_bare": round(page.p95_ms / bare.p95_ms, 3),
    }
    print_report(summaries, ratios)
    if args.json:
        report: dict[str, Any] = {
            **report_header(args, cores, processes),
            "targets": [asdict(s) for s in summaries],
            "ratios": ratios,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"figures written to {args.json}")
    errors = sum(s.errors for s in summaries)
    if errors:
        print(f"\nwarning: {errors} requests failed; the figures are suspect.", file=sys.stderr)
        for name, messages in samples.items():
            for message in messages:
                print(f"  {name}: {message}", file=sys.stderr)
        print(f"end of the gunicorn log:\n{failed_log}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
