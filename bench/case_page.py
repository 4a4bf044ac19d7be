"""Case page benchmark: the cost of recording every read of a confidential case.

Why: every read of a case page writes an access record in the audit trail, in the request,
before the page is shown (samen.cases.access.get_case_for_reader). That write must not make the
page noticeably slower. This script builds a throwaway PostgreSQL database with the seeded
city and 10,000 cases, serves it with two gunicorns on the same database (production
settings, same worker count), one as in production and one that leaves the access record out
(bench/unaudited_wsgi.py: the product itself cannot be told to), signs an invited
professional in with a second factor (one session per client), and drives the same case page
on both with 16 concurrent clients in interleaved rounds (audited, unaudited, unaudited,
audited, ...). It reports p50/p95 per server and the p95 ratio audited/unaudited against the
target of under 1.5, and checks that the audited server wrote one access record per request
and the other none.

Run from the project root:  .venv/bin/python bench/case_page.py --seconds 20
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import BenchError, vacuum_analyze  # noqa: E402
from loadlib import (  # noqa: E402 - the shared load client of the benchmarks
    SIGNED_IN_MARK,
    Target,
    TargetSummary,
    add_comparison_arguments,
    build_phases,
    check_comparison_arguments,
    check_signed_in,
    comparison_ratios,
    report_header,
    run_load,
    summarise,
)
from serverlib import (  # noqa: E402 - the shared set-up of the benchmarks
    VENV_BIN,
    Server,
    collect_static,
    create_sessions,
    run_step,
    server_env,
    set_up_database,
    start_servers,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench_cases"
TARGET_RATIO = 1.5  # p95 with the read audit at most this many times p95 without
READER = "partner@samen.test"  # an invited professional: the narrowest access rule

# Runs inside `manage.py shell`: tops the seeded city up to BENCH_CASES cases (bulk, like an
# import: the figures are about reading), invites the reader to one case in the middle, gives
# them a TOTP device and an acknowledgement, and prints that case's id.
BUILD_SNIPPET = """
import datetime, os, random
from django.utils import timezone
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from samen.cases import access, crypto
from samen.cases.actions import meetings as meeting_actions
from samen.cases.actions.cases import rules_acknowledge
from samen.cases.actions.table import invitation_propose
from samen.cases.models import Case, CasePerson, ExtremismType, Meeting
from samen.people.models import User

rng = random.Random(2026)
wanted = int(os.environ["BENCH_CASES"]) - Case.objects.count()
now, year = timezone.now(), timezone.localdate().year
cases = [
    Case(
        reference=f"LIVC-{year}-B{n:05d}",
        purpose="Bench: begeleiding en preventie afstemmen met school en jeugdhulp.",
        extremism_type=rng.choice(ExtremismType.values),
        review_on=timezone.localdate() + datetime.timedelta(days=rng.randint(10, 300)),
        opened_at=now - datetime.timedelta(days=rng.randint(1, 700)),
    )
    for n in range(wanted)
]
Case.objects.bulk_create(cases, batch_size=1000)
names = [f"Bench Persoon {n}" for n in range(wanted)]
CasePerson.objects.bulk_create(
    [
        CasePerson(
            case=case, name=name, address="Bench 1", name_index=crypto.name_index(name)
        )
        for case, name in zip(cases, names)
    ],
    batch_size=1000,
)
reader = User.objects.get(email=os.environ["BENCH_READER"])
TOTP.activate(reader, generate_totp_secret())
mayor = User.objects.get(email="burgemeester@samen.test")
prevention = User.objects.get(email="preventie@samen.test")  # chairs: sets the agenda
target = cases[len(cases) // 2]
for case in [target, *rng.sample(cases, 20)]:
    if not case.invitations.filter(user=reader).exists():
        invitation_propose(
            by=mayor, case=case, user=reader,
            ends_on=timezone.localdate() + datetime.timedelta(days=60),
        )
# The rules are acknowledged per meeting the reader is called to: put the target case on the
# agenda of the latest meeting held, and acknowledge the one that covers reading today.
held = Meeting.objects.filter(held_on__lte=timezone.localdate()).order_by("-held_on", "-pk")
meeting = held.first()
if meeting is not None and not meeting.items.filter(case=target).exists():
    meeting_actions.agenda_add(by=prevention, meeting=meeting, case=target)
rules_acknowledge(by=reader, meeting=access.meeting_to_acknowledge(reader))
print("cases", Case.objects.count())
print("target", target.pk)
"""

COUNT_READS = (
    "from samen.audit.models import AuditRecord;"
    "print('reads', AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).count())"
)


def count_reads(env: dict[str, str]) -> int:
    out = run_step(
        "count access records",
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", COUNT_READS],
        env,
    )
    return int(out.split()[-1])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=DEFAULT_DATABASE_URL, help="dropped and recreated"
    )
    parser.add_argument("--cases", type=int, default=10_000, help="cases in the database")
    add_comparison_arguments(parser)
    args = parser.parse_args(argv)
    check_comparison_arguments(parser, args)
    if args.cases < 1:
        parser.error("--cases must be at least 1")
    return args


def print_report(summaries: list[TargetSummary], ratios: dict[str, float]) -> None:
    print()
    print(
        f"{'server':<10} {'requests':>9} {'errors':>7} {'req/s':>8} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    )
    for s in summaries:
        print(
            f"{s.site:<10} {s.requests:>9} {s.errors:>7} {s.requests_per_second:>8.1f} "
            f"{s.p50_ms:>8.2f} {s.p95_ms:>8.2f} {s.p99_ms:>8.2f}"
        )
    print()
    print(
        f"p95 audited / unaudited: {ratios['p95_audited_over_unaudited']:.3f} "
        f"(target < {TARGET_RATIO})"
    )
    print(
        f"p95 ratio per round: {ratios['p95_ratio_per_round']} "
        f"(median {ratios['median_of_round_p95_ratios']:.3f})"
    )
    print(f"p50 audited / unaudited: {ratios['p50_audited_over_unaudited']:.3f}")
    print(f"throughput audited / unaudited: {ratios['throughput_audited_over_unaudited']:.3f}")


def main(argv: list[str] | None = None) -> int:
    """Set up, load, report: 0 on target, 3 above it, 1 when requests failed, 2 on errors."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    cores = os.cpu_count() or 1
    processes = min(args.client_processes, args.clients)
    print(
        f"cores: {cores}  gunicorn workers: {args.workers} per server  clients: {args.clients} "
        f"in {processes} processes  cases: {args.cases:,}  measured: {args.seconds:g} s per "
        f"server in {args.rounds} rounds (+{args.warmup:g} s warm-up)"
    )
    servers: list[Server] = []
    try:
        with tempfile.TemporaryDirectory(prefix="samen-bench-cases-") as tmp:
            workdir = Path(tmp)
            env = server_env(args.database_url, workdir)
            print("setting up:")
            set_up_database(
                args.database_url,
                env,
                staff=args.staff,
                seed_options=["--signals", "2000"],
                label=f"seed {args.staff} staff",
            )
            built = run_step(
                f"top up to {args.cases:,} cases",
                [str(VENV_BIN / "python"), "manage.py", "shell", "-c", BUILD_SNIPPET],
                {**env, "BENCH_CASES": str(args.cases), "BENCH_READER": READER},
            )
            target_pk = int(built.split("target")[-1].split()[0])
            vacuum_analyze(args.database_url)
            cookies = create_sessions(env, args.clients, email=READER, second_factor=True)
            collect_static(env)

            path = f"/cases/{target_pk}/"
            sites = {"audited": "samen.wsgi", "unaudited": "bench.unaudited_wsgi"}
            ports = start_servers(env, args.workers, workdir, sites, servers)
            # The comparison server must leave the record out, or the comparison compares
            # nothing.
            before = count_reads(env)
            check_signed_in(ports["unaudited"], path, cookies)
            if count_reads(env) != before:
                raise BenchError("the unaudited server wrote access records")
            check_signed_in(ports["audited"], path, cookies)
            if count_reads(env) != before + len(cookies):
                raise BenchError("the audited server did not write one access record per read")
            targets = [
                Target("case page", path, signed_in=True, site=name, must_contain=SIGNED_IN_MARK)
                for name in sites
            ]
            reads_before = count_reads(env)
            phases = build_phases(targets, args.seconds, args.warmup, args.rounds)
            sessions = [{name: cookie for name in sites} for cookie in cookies]
            measured = run_load(ports, sessions, phases, processes)
            reads = count_reads(env) - reads_before
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
    audited, unaudited = summaries
    ratios = comparison_ratios(
        ("audited", "unaudited"),
        (audited, unaudited),
        (measured[targets[0]], measured[targets[1]]),
    )
    print_report(summaries, ratios)
    # Warm-up requests to the audited server are logged too, so at least one per measured one.
    print(
        f"access records written during the load: {reads:,} "
        f"(audited requests: {audited.requests:,})"
    )
    if args.json:
        report: dict[str, Any] = {
            **report_header(args, cores, processes, cases=args.cases),
            "targets": [asdict(s) for s in summaries],
            "ratios": ratios,
            "access_records": reads,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"figures written to {args.json}")
    if audited.errors or unaudited.errors:
        print("\nwarning: some requests failed; the figures are suspect.", file=sys.stderr)
        return 1
    if reads < audited.requests:
        print("\nerror: fewer access records than audited requests", file=sys.stderr)
        return 2
    return 0 if ratios["p95_audited_over_unaudited"] < TARGET_RATIO else 3


if __name__ == "__main__":
    sys.exit(main())
