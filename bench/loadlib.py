"""Shared load client of the benchmarks: concurrent clients, phases, and their figures.

Why: every benchmark here sends load the same way (back-to-back requests from concurrent
clients spread over processes, in phases that line up across processes so interleaved rounds
stay fair) and reports it the same way. The server it is sent to is set up by serverlib.py.
Keeping it in one place keeps each script about what it measures.

A load may span several servers ("sites", e.g. a small and a large database): each client
holds one session per site, and each target names the site it is sent to.
"""

from __future__ import annotations

import http.client
import multiprocessing
import signal
import statistics
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.context import SpawnProcess
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from databases import BenchError  # bench/ is on sys.path for every script

HOST = "127.0.0.1"  # the only address these scripts ever send load to
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


# --- Checks ----------------------------------------------------------------------------------


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


def round_p95_ratios(first: list[PhaseResult], second: list[PhaseResult]) -> list[float]:
    """p95 first / second per round: rounds run back to back (A B, B A, ...), so a burst of
    load from elsewhere on a shared machine shows as one odd round, not a shifted total."""
    return [
        round(percentiles(a.latencies)[1] / percentiles(b.latencies)[1], 3)
        for a, b in zip(first, second, strict=True)
        if a.latencies and b.latencies
    ]


def comparison_ratios(
    names: tuple[str, str],
    summaries: tuple[TargetSummary, TargetSummary],
    rounds: tuple[list[PhaseResult], list[PhaseResult]],
) -> dict:
    """The figures of one page on two servers against each other, keyed `<figure>_<a>_over_<b>`."""
    a, b = names
    first, second = summaries
    per_round = round_p95_ratios(*rounds)
    return {
        f"p95_{a}_over_{b}": round(first.p95_ms / second.p95_ms, 3),
        "p95_ratio_per_round": per_round,
        "median_of_round_p95_ratios": round(statistics.median(per_round), 3),
        f"p50_{a}_over_{b}": round(first.p50_ms / second.p50_ms, 3),
        f"throughput_{a}_over_{b}": round(
            first.requests_per_second / second.requests_per_second, 3
        ),
    }


def add_comparison_arguments(parser) -> None:
    """The load settings of a benchmark that compares one page on two servers."""
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per server")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds per server")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds per server")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--client-processes", type=int, default=4)
    parser.add_argument("--staff", type=int, default=700, help="staff members to seed")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")


def check_comparison_arguments(parser, args) -> None:
    """Refuse load settings that would measure nothing."""
    if min(args.workers, args.clients, args.client_processes, args.rounds) < 1:
        parser.error("--workers, --clients, --client-processes and --rounds must be at least 1")
    if args.seconds <= 0 or args.warmup < 0:
        parser.error("--seconds must be positive and --warmup not negative")


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
