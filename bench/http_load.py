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
import http.client
import json
import multiprocessing
import os
import platform
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing.context import SpawnProcess
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = PROJECT_DIR / ".venv" / "bin"
HOST = "127.0.0.1"  # the only address this script ever sends load to
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench"
BENCH_USER = "analist@samen.test"  # policy analyst: signs in without a second factor
SESSION_COOKIE = "sessionid"
LOGIN_PATH = "/accounts/login/"
SIGNED_IN_MARK = b"/accounts/logout/"  # the logout form is on every signed-in page
REQUEST_TIMEOUT = 30.0
ERROR_SAMPLES = 3
BARRIER_TIMEOUT = 120.0  # seconds the client processes and this one wait for each other


@dataclass(frozen=True)
class Target:
    """A URL under load; only the signed-in page sends a session cookie."""

    name: str
    path: str
    signed_in: bool


PAGE = Target("page", "/", signed_in=True)
BARE = Target("bare", "/bench/bare/", signed_in=False)
TARGETS = (PAGE, BARE)


@dataclass(frozen=True)
class Phase:
    """One timed stretch of load on one target; warm-up phases are not reported."""

    target: Target
    seconds: float
    measured: bool


@dataclass
class PhaseResult:
    """What the clients of one process saw during one phase."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    login_redirects: int = 0
    error_samples: list[str] = field(default_factory=list)
    clients: int = 0
    client_seconds: float = 0.0  # summed over the clients: each one's time under load

    def add_error(self, message: str) -> None:
        """Count a failed request and keep the first few messages for the report."""
        self.errors += 1
        if len(self.error_samples) < ERROR_SAMPLES:
            self.error_samples.append(message)

    def merge(self, other: PhaseResult) -> None:
        """Fold another thread's or process's result into this one."""
        self.latencies.extend(other.latencies)
        self.errors += other.errors
        self.login_redirects += other.login_redirects
        for message in other.error_samples:
            if len(self.error_samples) < ERROR_SAMPLES:
                self.error_samples.append(message)
        self.clients += other.clients
        self.client_seconds += other.client_seconds

    @property
    def seconds(self) -> float:
        """The mean time a client was under load: back-to-back clients make rate = n / this."""
        return self.client_seconds / self.clients if self.clients else 0.0


@dataclass
class TargetSummary:
    """The reported figures for one target over all its measured phases."""

    target: str
    path: str
    requests: int
    errors: int
    seconds: float
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float


class BenchError(RuntimeError):
    """A set-up or sanity failure that makes the figures meaningless."""


# --- Set-up ----------------------------------------------------------------------------------


def database_name(database_url: str) -> str:
    """The database name in a URL; refuse names without 'bench' since the script drops it."""
    name = urllib.parse.urlsplit(database_url).path.lstrip("/")
    if not name or "bench" not in name:
        raise BenchError(
            f"refusing to drop database {name!r}: its name must contain 'bench' "
            "(this script drops and recreates it)"
        )
    return name


def recreate_database(database_url: str) -> None:
    """Drop and create the benchmark database, so every run starts from the same seed."""
    import psycopg
    from psycopg import sql

    name = database_name(database_url)
    print(f"  recreate database {name} ...", end="", flush=True)
    started = time.perf_counter()
    maintenance_url = urllib.parse.urlsplit(database_url)._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(maintenance_url, autocommit=True) as conn:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(drop.format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as exc:
        print(" failed")
        raise BenchError(f"could not recreate {name}: {exc}") from exc
    print(f" {time.perf_counter() - started:.1f} s")


def server_env(database_url: str, workdir: Path) -> dict[str, str]:
    """Production settings on plain http, with the bench views and a throwaway data folder."""
    env = {k: v for k, v in os.environ.items() if k not in {"SAMEN_DEBUG", "SAMEN_TESTING"}}
    env.update(
        DJANGO_SETTINGS_MODULE="samen.settings",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
        SAMEN_SSL_REDIRECT="0",
        SAMEN_BENCH_VIEWS="1",
        # Keep collectstatic and anything else written to disk out of the project tree.
        SAMEN_DATA_DIR=str(workdir),
        SAMEN_STATIC_ROOT=str(workdir / "static"),
    )
    return env


def run_step(label: str, args: list[str], env: dict[str, str]) -> str:
    """Run one set-up command quietly; show its output only when it fails."""
    started = time.perf_counter()
    print(f"  {label} ...", end="", flush=True)
    proc = subprocess.run(args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        print(" failed")
        raise BenchError(
            f"{label} exited with {proc.returncode}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        )
    print(f" {time.perf_counter() - started:.1f} s")
    return proc.stdout


SESSION_SNIPPET = """
import os
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import get_user_model

user = get_user_model().objects.get(email=os.environ["BENCH_USER"])
store_class = import_module(settings.SESSION_ENGINE).SessionStore
for _ in range(int(os.environ["BENCH_SESSIONS"])):
    session = store_class()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print("session", session.session_key)
"""


def create_sessions(env: dict[str, str], count: int) -> list[str]:
    """Signed-in sessions without the login form, one per client like separate browsers."""
    out = run_step(
        f"sign in {BENCH_USER} ({count} sessions)",
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", SESSION_SNIPPET],
        {**env, "BENCH_USER": BENCH_USER, "BENCH_SESSIONS": str(count)},
    )
    keys = [line.split()[1] for line in out.splitlines() if line.startswith("session ")]
    if len(keys) != count:
        raise BenchError(f"expected {count} session keys, got {len(keys)}:\n{out}")
    return keys


def free_port() -> int:
    """A port nobody listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port: int, path: str, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """One GET on a fresh connection, for the checks around the load."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        headers = {"Cookie": f"{SESSION_COOKIE}={cookie}"} if cookie else {}
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


class Server:
    """gunicorn serving the project; always stopped again, also on errors and Ctrl+C."""

    def __init__(self, env: dict[str, str], workers: int, port: int, log_path: Path) -> None:
        self.env, self.workers, self.port, self.log_path = env, workers, port, log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        """Start gunicorn and wait until /healthz answers 200 (app and database up)."""
        args = [
            str(VENV_BIN / "gunicorn"),
            "samen.wsgi",
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
        ]
        with self.log_path.open("wb") as log:
            # Own session: a Ctrl+C reaches only this script, which then stops gunicorn cleanly.
            self.proc = subprocess.Popen(
                args,
                cwd=PROJECT_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"gunicorn exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise BenchError(f"/healthz did not answer 200 within {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Graceful stop (SIGTERM), then SIGKILL if gunicorn does not go within 15 s."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def log_tail(self, lines: int = 40) -> str:
        """The end of gunicorn's log, to explain a failure."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def check_targets(port: int, cookies: list[str]) -> None:
    """Refuse to measure unless every session really is signed in and the baseline answers."""
    for cookie in cookies:
        status, headers, body = get(port, PAGE.path, cookie)
        if status != 200 or SIGNED_IN_MARK not in body:
            where = headers.get("location", "")
            raise BenchError(
                f"GET {PAGE.path} with a session cookie gave {status} {where}".rstrip()
                + ", not the signed-in home page; the figures would measure something else"
            )
    status, _, body = get(port, BARE.path)
    if status != 200 or body != b"ok":
        raise BenchError(f"GET {BARE.path} gave {status}: is SAMEN_BENCH_VIEWS honoured?")


# --- Load clients ----------------------------------------------------------------------------


def client_thread(
    port: int,
    cookie: str,
    phases: list[Phase],
    start_gate: threading.Barrier,
    end_gate: threading.Barrier,
    deadline: list[float],
    results: list[PhaseResult],
) -> None:
    """One client: back-to-back GETs over one HTTP/1.1 connection until each phase's deadline."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    cookie_headers = {"Cookie": f"{SESSION_COOKIE}={cookie}"}
    try:
        for index, phase in enumerate(phases):
            start_gate.wait()
            result, target = results[index], phase.target
            headers = cookie_headers if target.signed_in else {}
            begun = time.perf_counter()
            while (started := time.perf_counter()) < deadline[0]:
                try:
                    # http.client reconnects by itself when the server closed the connection.
                    conn.request("GET", target.path, headers=headers)
                    resp = conn.getresponse()
                    resp.read()
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    result.add_error(f"{type(exc).__name__}: {exc}")
                    continue
                finished = time.perf_counter()
                if resp.status == 200:
                    result.latencies.append(finished - started)
                    continue
                location = resp.getheader("Location", "")
                if LOGIN_PATH in location:
                    result.login_redirects += 1
                result.add_error(f"HTTP {resp.status} {location}".rstrip())
            # Until the last answer, not the deadline: no request is cut off or left out.
            result.clients, result.client_seconds = 1, time.perf_counter() - begun
            end_gate.wait()
    except threading.BrokenBarrierError:
        pass  # the run was stopped
    finally:
        conn.close()


def client_process(
    port: int,
    cookies: list[str],
    phases: list[Phase],
    all_ready: Barrier,
    out: Queue[tuple[int, PhaseResult]],
) -> None:
    """A process of client threads, since one interpreter's lock caps what its threads can send.

    Processes line up on a shared barrier before each phase; each then times its own phase.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C and stops us
    threads_n = len(cookies)
    start_gate, end_gate = threading.Barrier(threads_n + 1), threading.Barrier(threads_n + 1)
    deadline = [0.0]
    per_thread = [[PhaseResult() for _ in phases] for _ in cookies]
    threads = [
        threading.Thread(
            target=client_thread,
            args=(port, cookie, phases, start_gate, end_gate, deadline, per_thread[i]),
            daemon=True,
        )
        for i, cookie in enumerate(cookies)
    ]
    for thread in threads:
        thread.start()
    try:
        for index, phase in enumerate(phases):
            all_ready.wait(timeout=BARRIER_TIMEOUT)  # gives up if the parent has gone
            deadline[0] = time.perf_counter() + phase.seconds
            start_gate.wait()
            end_gate.wait()
            merged = PhaseResult()
            for results in per_thread:
                merged.merge(results[index])
            out.put((index, merged))
    except threading.BrokenBarrierError:
        deadline[0] = 0.0
        start_gate.abort()
        end_gate.abort()


def build_phases(seconds: float, warmup: float, rounds: int) -> list[Phase]:
    """Warm-up on each target, then rounds in A-B, B-A order so linear drift cancels out."""
    phases = [Phase(target, warmup, measured=False) for target in TARGETS if warmup > 0]
    slot = seconds / rounds
    for round_index in range(rounds):
        order = TARGETS if round_index % 2 == 0 else TARGETS[::-1]
        phases.extend(Phase(target, slot, measured=True) for target in order)
    return phases


def split(items: list[str], parts: int) -> list[list[str]]:
    """Deal items over parts as evenly as possible."""
    return [items[i::parts] for i in range(parts) if items[i::parts]]


def run_load(
    port: int, cookies: list[str], phases: list[Phase], processes: int
) -> dict[str, list[PhaseResult]]:
    """Drive every phase with all clients and collect the measured results per target."""
    ctx = multiprocessing.get_context("spawn")
    groups = split(cookies, processes)
    all_ready = ctx.Barrier(len(groups) + 1)
    out: Queue[tuple[int, PhaseResult]] = ctx.Queue()
    procs: list[SpawnProcess] = [
        ctx.Process(target=client_process, args=(port, group, phases, all_ready, out), daemon=True)
        for group in groups
    ]
    measured: dict[str, list[PhaseResult]] = {target.name: [] for target in TARGETS}
    for proc in procs:
        proc.start()
    try:
        for index, phase in enumerate(phases):
            kind = "round" if phase.measured else "warm-up"
            print(f"  {kind:<7} {phase.target.name:<4} {phase.target.path:<13} {phase.seconds:g} s")
            all_ready.wait(timeout=BARRIER_TIMEOUT)
            total = PhaseResult()
            for _ in procs:
                got_index, result = out.get(timeout=phase.seconds + REQUEST_TIMEOUT + 60)
                if got_index != index:
                    raise BenchError(f"client processes out of step ({got_index} != {index})")
                total.merge(result)
            if total.login_redirects:
                raise BenchError(
                    f"{total.login_redirects} requests to {phase.target.path} were redirected to "
                    f"{LOGIN_PATH} during the load: the sessions were signed out"
                )
            if phase.measured:
                measured[phase.target.name].append(total)
    finally:
        all_ready.abort()
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
    return measured


# --- Report ----------------------------------------------------------------------------------


def summarise(target: Target, results: list[PhaseResult]) -> tuple[TargetSummary, list[str]]:
    """Throughput over the measured time and latency percentiles over all requests."""
    total = PhaseResult()
    seconds = 0.0
    for result in results:
        total.merge(result)
        seconds += result.seconds
    latencies = sorted(total.latencies)
    if len(latencies) >= 2:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        p50, p95, p99 = cuts[49], cuts[94], cuts[98]
    else:
        p50 = p95 = p99 = latencies[0] if latencies else float("nan")
    summary = TargetSummary(
        target=target.name,
        path=target.path,
        requests=len(latencies),
        errors=total.errors,
        seconds=round(seconds, 3),
        requests_per_second=round(len(latencies) / seconds, 1) if seconds else 0.0,
        p50_ms=round(p50 * 1000, 2),
        p95_ms=round(p95 * 1000, 2),
        p99_ms=round(p99 * 1000, 2),
    )
    return summary, total.error_samples


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
    phases = build_phases(args.seconds, args.warmup, args.rounds)
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
            run_step(f"seed {args.staff} staff", seed, env)
            cookies = create_sessions(env, args.clients)
            run_step("collectstatic", [python, "manage.py", "collectstatic", "--noinput"], env)

            server = Server(env, args.workers, free_port(), workdir / "gunicorn.log")
            try:
                print(f"starting gunicorn on {HOST}:{server.port}:")
                server.start()
                check_targets(server.port, cookies)
                measured = run_load(server.port, cookies, phases, processes)
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
        summary, samples[target.name] = summarise(target, measured[target.name])
        summaries.append(summary)
    page, bare = summaries
    ratios = {
        "throughput_page_over_bare": round(page.requests_per_second / bare.requests_per_second, 4),
        "p95_page_over_bare": round(page.p95_ms / bare.p95_ms, 3),
    }
    print_report(summaries, ratios)
    if args.json:
        report: dict[str, Any] = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {"cores": cores, "platform": platform.platform()},
            "config": {
                "workers": args.workers,
                "clients": args.clients,
                "client_processes": processes,
                "seconds_per_target": args.seconds,
                "warmup_seconds": args.warmup,
                "rounds": args.rounds,
                "staff": args.staff,
            },
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
