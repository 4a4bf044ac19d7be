"""Intake benchmark: signals filed through the API per second, against a bare insert.

Why: filing a signal does real work (token check, the full validation with the personal-data
guard, the signal and its categories, the audit records, the weekly counts, all in one
transaction). Its cost means something next to Django parsing the same JSON body and
inserting one row (/bench/insert/, from bench/settings.py) on the same server and
database. Both get the same concurrent clients in interleaved rounds.

One run drops and recreates the PostgreSQL database `samen_bench_intake`, migrates and seeds it
(`samen seed --staff 50 --signals 0`), creates an API token for analist@samen.test, starts
gunicorn with production settings (the set-up in bench/serverlib.py) and POSTs signals.

Run from the project root:  .venv/bin/python bench/signal_intake.py --seconds 20
It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import BenchError, recreate_database  # noqa: E402
from loadlib import (  # noqa: E402 - the shared load client of the benchmarks
    HOST,
)
from serverlib import (  # noqa: E402 - the shared set-up of the benchmarks
    VENV_BIN,
    Server,
    free_port,
    run_step,
    seed_env,
    server_env,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench_intake"
REPORTER = "analist@samen.test"
DISTRICTS = ["11002Z", "11002T", "11002Y", "11002S", "11002R", "11002P", "11002V", "11002Q"]
CATEGORIES = ["youth-groups", "racism", "rules", "housing", "poverty", "safety", "religion"]
ISSUE_SNIPPET = """
from samen.people.models import User
from samen.api.tokens import api_token_issue
_, secret = api_token_issue(by=User.objects.get(email="%s"), two_factor=False)
print("token", secret)
"""


def signal_body(rng: random.Random) -> bytes:
    """One valid signal, somewhere in the city in the last week."""
    occurred = datetime.datetime.now(datetime.UTC) - datetime.timedelta(
        minutes=rng.randrange(60, 7 * 24 * 60)
    )
    return json.dumps(
        {
            "occurred_at": occurred.isoformat(timespec="minutes"),
            "district": rng.choice(DISTRICTS),
            "categories": rng.sample(CATEGORIES, rng.choice([1, 1, 2])),
            "severity": rng.choice([1, 2, 2, 3]),
            "source_type": "own_observation",
            "information_class": "experienced",
            "confidence": 2,
            "text": "Spanning tussen twee groepen jongeren op het plein; buurtwerkers bemiddelen.",
        }
    ).encode()


def client(port: int, path: str, token: str, seconds: float, seed: int, out: list) -> None:
    """POST signals back to back for `seconds`; record latencies and failures."""
    rng = random.Random(seed)
    headers = {"Content-Type": "application/json"}
    if path.startswith("/api/"):
        headers["Authorization"] = f"Token {token}"
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    while (started := time.perf_counter()) < deadline:
        try:
            conn.request("POST", path, body=signal_body(rng), headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            errors += 1
            continue
        if response.status == 201:
            latencies.append(time.perf_counter() - started)
        else:
            errors += 1
    conn.close()
    out.append((latencies, errors))


def client_process(args: tuple) -> tuple[list[float], int]:
    """A process of client threads: one interpreter's lock would cap what threads can send."""
    port, path, token, seconds, threads, seed = args
    out: list = []
    workers = [
        threading.Thread(target=client, args=(port, path, token, seconds, seed + n, out))
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return [x for latencies, _ in out for x in latencies], sum(errors for _, errors in out)


def load(port: int, path: str, token: str, seconds: float, clients: int, processes: int):
    """Requests per second, p50 and p95 in ms, and failures, for one round on one path."""
    per = [clients // processes + (1 if n < clients % processes else 0) for n in range(processes)]
    jobs = [(port, path, token, seconds, n, 1000 * i) for i, n in enumerate(per) if n]
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        results = pool.map(client_process, jobs)
    latencies = sorted(x for got, _ in results for x in got)
    errors = sum(e for _, e in results)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return len(latencies) / seconds, cuts[49] * 1000, cuts[94] * 1000, errors


def _cpu_seconds(pid: int) -> float:
    """User and system CPU a process has used so far; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pids(gunicorn_pid: int, database_url: str) -> tuple[list[int], list[int]]:
    """gunicorn and its workers; the PostgreSQL backends connected to the database."""
    import psycopg
    from databases import database_name, maintenance_url

    pids = [gunicorn_pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == gunicorn_pid:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    with psycopg.connect(maintenance_url(database_url), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s",
            [database_name(database_url)],
        ).fetchall()
    return pids, [pid for (pid,) in rows]


def server_cpu(gunicorn_pid: int, database_url: str) -> tuple[float, float]:
    """CPU seconds used so far by the server side of the benchmark (see server_pids): by
    gunicorn's processes, and by the database's backends.

    Why: on a machine shared with other work, throughput swings with what else runs, while
    the CPU the server spends per request barely does; both are reported.
    """
    app, database = server_pids(gunicorn_pid, database_url)
    return sum(map(_cpu_seconds, app)), sum(map(_cpu_seconds, database))


def main(argv: list[str] | None = None) -> int:
    """Set up, load both paths in alternating rounds, report the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="dropped and remade")
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds per round")
    parser.add_argument("--rounds", type=int, default=4, help="rounds per path")
    parser.add_argument(
        "--warmup", type=float, default=3.0, help="unmeasured seconds on each path first"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--client-processes", type=int, default=2, help="processes for them")
    args = parser.parse_args(argv)
    paths = {"api": "/api/signals/", "bare": "/bench/insert/"}
    results: dict[str, list] = {name: [] for name in paths}
    try:
        with tempfile.TemporaryDirectory(prefix="samen-bench-intake-") as tmp:
            env = server_env(args.database_url, Path(tmp))
            # Connections kept for the whole run: a backend that ends between two readings of
            # the server's CPU would take its CPU time with it.
            env["DATABASE_CONN_MAX_AGE"] = "3600"
            python = str(VENV_BIN / "python")
            print("setting up:")
            recreate_database(args.database_url)
            run_step("migrate", [python, "manage.py", "migrate", "--noinput"], env)
            seed = [str(VENV_BIN / "samen"), "seed", "--staff", "50", "--signals", "0"]
            run_step("seed", [*seed, "--no-progress"], seed_env(env))
            shell = [python, "manage.py", "shell", "-c", ISSUE_SNIPPET % REPORTER]
            out = run_step("token", shell, env)
            token = next(line.split()[1] for line in out.splitlines() if line.startswith("token"))
            run_step("collectstatic", [python, "manage.py", "collectstatic", "--noinput"], env)
            server = Server(env, args.workers, free_port(), Path(tmp) / "gunicorn.log")
            try:
                server.start()
                order = ["api", "bare"]
                # Every worker imports, connects and fills its caches before anything counts.
                for name in order if args.warmup > 0 else ():
                    load(server.port, paths[name], token, args.warmup, args.clients,
                         args.client_processes)  # fmt: skip
                for n in range(args.rounds):
                    for name in order if n % 2 == 0 else order[::-1]:
                        cpu_before = server_cpu(server.proc.pid, args.database_url)
                        figures = load(
                            server.port,
                            paths[name],
                            token,
                            args.seconds,
                            args.clients,
                            args.client_processes,
                        )
                        cpu_after = server_cpu(server.proc.pid, args.database_url)
                        app_cpu = cpu_after[0] - cpu_before[0]
                        db_cpu = cpu_after[1] - cpu_before[1]
                        cpu = app_cpu + db_cpu
                        rate, p50, p95, errors = figures
                        done = max(rate * args.seconds, 1)
                        cpu_ms, app_ms, db_ms = (1000 * c / done for c in (cpu, app_cpu, db_cpu))
                        figures = (*figures, cpu_ms, app_ms, db_ms)
                        print(f"  {name:<4} {rate:8.1f} /s  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"
                              f"  server CPU {cpu_ms:5.2f} ms/req (app {app_ms:5.2f},"
                              f" database {db_ms:5.2f})  failed {errors}")  # fmt: skip
                        results[name].append(figures)
            finally:
                server.stop()
    except BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    api = statistics.median(r[0] for r in results["api"])
    bare = statistics.median(r[0] for r in results["bare"])
    print(f"\nsignals filed through the API: {api:8.1f} per second (median of rounds)")
    print(f"bare one-row inserts:          {bare:8.1f} per second")
    print(f"API / bare throughput:         {api / bare:8.3f}  (target: at least 0.45)")
    # Rounds run api, bare, bare, api, ...: each api round beside the bare round next to it,
    # so that a slow spell of the machine weighs on both sides of a ratio.
    pairs = [a[0] / b[0] for a, b in zip(results["api"], results["bare"], strict=True) if b[0] > 0]
    print(
        "per round pair:                "
        + ", ".join(f"{ratio:.3f}" for ratio in pairs)
        + f"  (median {statistics.median(pairs):.3f})"
    )
    api_cpu = statistics.median(r[4] for r in results["api"])
    bare_cpu = statistics.median(r[4] for r in results["bare"])
    print(f"server CPU per request, API:   {api_cpu:8.2f} ms (gunicorn and PostgreSQL backends)")
    print(f"server CPU per request, bare:  {bare_cpu:8.2f} ms")
    print(f"bare / API server CPU:         {bare_cpu / api_cpu:8.3f}")
    for label, column in (("app", 5), ("database", 6)):
        api_part = statistics.median(r[column] for r in results["api"])
        bare_part = statistics.median(r[column] for r in results["bare"])
        print(f"  of which {label + ':':<10} API {api_part:5.2f} ms, bare {bare_part:5.2f} ms")
    print(f"load average (1, 5, 15 min) at the end: {os.getloadavg()}")
    failed = sum(r[3] for rows in results.values() for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
