"""Shared parts of the benchmarks: a throwaway database, gunicorn, signed-in sessions, load.

Why: every benchmark here needs the same careful set-up (a database whose name must contain
'bench' because it gets dropped, production settings on plain http, gunicorn that is always
stopped again) and the same load client (back-to-back requests from concurrent clients spread
over processes, in phases that line up across processes so interleaved rounds stay fair).
Keeping it in one place keeps each script about what it measures.

A load may span several servers ("sites", e.g. a small and a large database): each client
holds one session per site, and each target names the site it is sent to.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import secrets
import signal
import socket
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.context import SpawnProcess
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from databases import (  # bench/ is on sys.path for every script
    BenchError,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = PROJECT_DIR / ".venv" / "bin"
HOST = "127.0.0.1"  # the only address these scripts ever send load to
BENCH_USER = "analist@samen.test"  # policy analyst: signs in without a second factor
SESSION_COOKIE = "sessionid"
LOGIN_PATH = "/accounts/login/"
SIGNED_IN_MARK = b"/accounts/logout/"  # the logout form is on every signed-in page
REQUEST_TIMEOUT = 30.0
ERROR_SAMPLES = 3
BARRIER_TIMEOUT = 120.0  # seconds the client processes and this one wait for each other

Sessions = dict[str, str]  # one client's session key on each site


@dataclass(frozen=True)
class Target:
    """A URL under load on one site; only signed-in targets send a session cookie.

    With `must_contain`, a 200 whose body lacks it counts as signed out (and fails the run).
    """

    name: str
    path: str
    signed_in: bool
    site: str = ""
    must_contain: bytes = b""

    @property
    def label(self) -> str:
        """The site and name, as the progress lines and tables show them."""
        return f"{self.site} {self.name}" if self.site else self.name


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
    signed_out: int = 0  # sent to the login page, or a 200 without the signed-in mark
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
        self.signed_out += other.signed_out
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
    site: str = ""


# --- Set-up ----------------------------------------------------------------------------------


def _fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def production_keys() -> dict[str, str]:
    """Fresh keys for one run: production refuses to start without those kept apart from
    SECRET_KEY (stored second factors, and the case consultation)."""
    return {
        "SAMEN_MFA_KEYS": _fernet_key(),
        "SAMEN_CASE_KEYS": _fernet_key(),
        "SAMEN_CASE_INDEX_KEY": secrets.token_urlsafe(48),
    }


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
        **production_keys(),
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
import os, time
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
    if os.environ.get("BENCH_SECOND_FACTOR"):
        # As allauth records a sign-in that passed a TOTP step.
        session["account_authentication_methods"] = [
            {"method": "password", "at": time.time(), "email": user.email},
            {"method": "mfa", "at": time.time(), "type": "totp"},
        ]
        session["account_authentication_methods_user"] = str(user.pk)
    session.create()
    print("session", session.session_key)
"""


def create_sessions(
    env: dict[str, str],
    count: int,
    label: str = "",
    *,
    email: str = BENCH_USER,
    second_factor: bool = False,
) -> list[str]:
    """Signed-in sessions without the login form, one per client like separate browsers;
    with `second_factor`, sessions that passed a TOTP step (the person must have a device).

    They only work on a server with the same SECRET_KEY and database as `env`.
    """
    how = " with a second factor" if second_factor else ""
    extra = {"BENCH_SECOND_FACTOR": "1"} if second_factor else {}
    out = run_step(
        f"sign in {email}{how} ({count} sessions{', ' + label if label else ''})",
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", SESSION_SNIPPET],
        {**env, "BENCH_USER": email, "BENCH_SESSIONS": str(count), **extra},
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


def check_signed_in(port: int, path: str, cookies: list[str]) -> None:
    """Refuse to measure unless every session gets `path` signed in (200 with the mark)."""
    for cookie in cookies:
        status, headers, body = get(port, path, cookie)
        if status != 200 or SIGNED_IN_MARK not in body:
            where = headers.get("location", "")
            raise BenchError(
                f"GET {path} with a session cookie gave {status} {where}".rstrip()
                + ", not a signed-in page; the figures would measure something else"
            )


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


# --- Load clients ----------------------------------------------------------------------------


def client_thread(
    ports: dict[str, int],
    sessions: Sessions,
    phases: list[Phase],
    start_gate: threading.Barrier,
    end_gate: threading.Barrier,
    deadline: list[float],
    results: list[PhaseResult],
) -> None:
    """One client: back-to-back GETs over one HTTP/1.1 connection per site until each deadline."""
    conns = {
        site: http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        for site, port in ports.items()
    }
    try:
        for index, phase in enumerate(phases):
            start_gate.wait()
            result, target = results[index], phase.target
            conn = conns[target.site]
            headers = (
                {"Cookie": f"{SESSION_COOKIE}={sessions[target.site]}"} if target.signed_in else {}
            )
            begun = time.perf_counter()
            while (started := time.perf_counter()) < deadline[0]:
                try:
                    # http.client reconnects by itself when the server closed the connection.
                    conn.request("GET", target.path, headers=headers)
                    resp = conn.getresponse()
                    body = resp.read()
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    result.add_error(f"{type(exc).__name__}: {exc}")
                    continue
                finished = time.perf_counter()
                if resp.status == 200:
                    if target.must_contain and target.must_contain not in body:
                        result.signed_out += 1
                        result.add_error(f"HTTP 200 without {target.must_contain.decode()}")
                        continue
                    result.latencies.append(finished - started)
                    continue
                location = resp.getheader("Location", "")
                if LOGIN_PATH in location:
                    result.signed_out += 1
                result.add_error(f"HTTP {resp.status} {location}".rstrip())
            # Until the last answer, not the deadline: no request is cut off or left out.
            result.clients, result.client_seconds = 1, time.perf_counter() - begun
            end_gate.wait()
    except threading.BrokenBarrierError:
        pass  # the run was stopped
    finally:
        for conn in conns.values():
            conn.close()


def client_process(
    ports: dict[str, int],
    sessions: list[Sessions],
    phases: list[Phase],
    all_ready: Barrier,
    out: Queue[tuple[int, PhaseResult]],
) -> None:
    """A process of client threads, since one interpreter's lock caps what its threads can send.

    Processes line up on a shared barrier before each phase; each then times its own phase.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl+C and stops us
    threads_n = len(sessions)
    start_gate, end_gate = threading.Barrier(threads_n + 1), threading.Barrier(threads_n + 1)
    deadline = [0.0]
    per_thread = [[PhaseResult() for _ in phases] for _ in sessions]
    threads = [
        threading.Thread(
            target=client_thread,
            args=(ports, mine, phases, start_gate, end_gate, deadline, per_thread[i]),
            daemon=True,
        )
        for i, mine in enumerate(sessions)
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


def build_phases(
    targets: tuple[Target, ...] | list[Target], seconds: float, warmup: float, rounds: int
) -> list[Phase]:
    """Warm-up on each target, then rounds in A-B, B-A order so linear drift cancels out."""
    targets = tuple(targets)
    phases = [Phase(target, warmup, measured=False) for target in targets if warmup > 0]
    slot = seconds / rounds
    for round_index in range(rounds):
        order = targets if round_index % 2 == 0 else targets[::-1]
        phases.extend(Phase(target, slot, measured=True) for target in order)
    return phases


def split(items: list, parts: int) -> list[list]:
    """Deal items over parts as evenly as possible."""
    return [items[i::parts] for i in range(parts) if items[i::parts]]


def run_load(
    ports: dict[str, int], sessions: list[Sessions], phases: list[Phase], processes: int
) -> dict[Target, list[PhaseResult]]:
    """Drive every phase with all clients (one per entry of `sessions`); results per target."""
    ctx = multiprocessing.get_context("spawn")
    groups = split(sessions, processes)
    all_ready = ctx.Barrier(len(groups) + 1)
    out: Queue[tuple[int, PhaseResult]] = ctx.Queue()
    procs: list[SpawnProcess] = [
        ctx.Process(target=client_process, args=(ports, group, phases, all_ready, out), daemon=True)
        for group in groups
    ]
    measured: dict[Target, list[PhaseResult]] = {}
    label_width = max(len(phase.target.label) for phase in phases)
    path_width = max(len(phase.target.path) for phase in phases)
    for proc in procs:
        proc.start()
    try:
        for index, phase in enumerate(phases):
            kind = "round" if phase.measured else "warm-up"
            print(
                f"  {kind:<7} {phase.target.label:<{label_width}} "
                f"{phase.target.path:<{path_width}} {phase.seconds:g} s",
                flush=True,
            )
            all_ready.wait(timeout=BARRIER_TIMEOUT)
            total = PhaseResult()
            for _ in procs:
                got_index, result = out.get(timeout=phase.seconds + REQUEST_TIMEOUT + 60)
                if got_index != index:
                    raise BenchError(f"client processes out of step ({got_index} != {index})")
                total.merge(result)
            if total.signed_out:
                raise BenchError(
                    f"{total.signed_out} requests to {phase.target.path} came back signed out "
                    f"({LOGIN_PATH} or no {SIGNED_IN_MARK.decode()}) during the load"
                )
            if phase.measured:
                measured.setdefault(phase.target, []).append(total)
    finally:
        all_ready.abort()
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
    return measured


# --- Report ----------------------------------------------------------------------------------


def percentiles(latencies: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 of `latencies`, in their unit; the one value, or NaN, below two."""
    if len(latencies) >= 2:
        cuts = statistics.quantiles(sorted(latencies), n=100, method="inclusive")
        return cuts[49], cuts[94], cuts[98]
    only = latencies[0] if latencies else float("nan")
    return only, only, only


def summarise(target: Target, results: list[PhaseResult]) -> tuple[TargetSummary, list[str]]:
    """Throughput over the measured time and latency percentiles over all requests."""
    total = PhaseResult()
    seconds = 0.0
    for result in results:
        total.merge(result)
        seconds += result.seconds
    latencies = total.latencies
    p50, p95, p99 = percentiles(latencies)
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
        site=target.site,
    )
    return summary, total.error_samples


def report_header(args, cores: int, processes: int, **config) -> dict:
    """The part of every JSON report that says when, where and with which load settings."""
    import platform
    from datetime import UTC, datetime

    return {
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
            **config,
        },
    }
