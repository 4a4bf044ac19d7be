"""Policy progress benchmark: a strategy's progress page against the district page.

Why: the progress page of a strategy tallies every action of it by objective (behind, on
track, done; budget spent and planned) on each request. With a large strategy (500 actions,
200 initiatives running them) it must stay about as fast as the district page, the page the
city's staff open most: the target is p95 of the progress page at most 1.5 times p95 of the
district page, same run, same server.

One run recreates a PostgreSQL database, migrates it, seeds the city (with its boundaries and
indicator figures when ../shared/data/antwerp is there, so the district page shows its context
section), then adds, here in the benchmark and never in Samen's seed, one strategy with 5
strategic and 15 operational objectives, a city plan and a plan per district, 500 actions
spread over them (dates, progress, budgets, places, partners) and 200 initiatives linked to
them. It serves the database with one gunicorn (production settings), signs the policy analyst
in (one session per client) and drives /policy/progress/<strategy>/ and /places/11002S/ with
16 concurrent clients in interleaved rounds.

Run from the project root:  .venv/bin/python bench/policy_progress.py --seconds 15 --rounds 3
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
    VENV_BIN,
    Server,
    collect_static,
    create_sessions,
    run_step,
    server_env,
    set_up_database,
    start_servers,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench_policy"
PLACES_DIR = PROJECT_DIR.parent / "shared" / "data" / "antwerp"
TARGET_RATIO = 1.5
DISTRICT_PAGE = "/places/11002S/"
PROGRESS_MARK = b'id="objectives-heading"'


def build(actions_wanted: int, initiatives_wanted: int) -> None:
    """Add the large strategy to the benchmark database, in bulk like an import (the figures
    are about reading), and print its id. Runs in its own process, with Django set up."""
    import datetime
    import random
    from decimal import Decimal

    import django

    django.setup()
    from django.utils import timezone

    from samen.people.models import Organisation, PolicyLevel
    from samen.places.models import Place
    from samen.policy.models import (
        Action,
        ActionPlan,
        Initiative,
        LifeDomain,
        Objective,
        Strategy,
    )

    rng = random.Random(2026)
    year_start = timezone.localdate().replace(month=1, day=1)
    year_end = year_start.replace(month=12, day=31)
    districts = list(Place.objects.current().districts())
    places = districts + list(Place.objects.current().neighbourhoods())
    organisations = list(Organisation.objects.filter(is_active=True)[:40]) or [
        Organisation.objects.create(
            name="Bench: stad", policy_level=PolicyLevel.MUNICIPAL, sector="city"
        )
    ]
    owner = organisations[0]
    strategy = Strategy.objects.create(
        title="Bench: samenleven 2025-2030",
        level=PolicyLevel.MUNICIPAL,
        owner=owner,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2030, 12, 31),
        status=Strategy.Status.IN_FORCE,
    )
    objectives = []
    for s in range(1, 6):
        top = Objective.objects.create(
            strategy=strategy, kind="strategic", code=f"SD{s}", title=f"Doelstelling {s}", order=s
        )
        objectives.append(top)
        for o in range(1, 4):
            objectives.append(
                Objective.objects.create(
                    strategy=strategy,
                    parent=top,
                    kind="operational",
                    code=f"OD{s}.{o}",
                    title=f"Doelstelling {s}.{o}",
                    order=o,
                )
            )
    plans = [
        ActionPlan.objects.create(
            strategy=strategy,
            title=f"Bench: plan {district.name_nl if district else 'stad'}",
            starts=year_start,
            ends=year_end,
            owner=owner,
            district=district,
            status="adopted",
        )
        for district in [None, *districts]
    ]
    statuses = ["planned", "running", "running", "running", "done", "stopped"]
    levels = [code for code, _label in PolicyLevel.choices]
    actions = []
    for n in range(actions_wanted):
        start = year_start + datetime.timedelta(days=rng.randint(0, 200))
        actions.append(
            Action(
                plan=rng.choice(plans),
                code=f"A{n:04d}",
                title=f"Bench-actie {n}",
                objective=rng.choice([*objectives, None]),
                owner=rng.choice(organisations),
                life_domains=rng.sample(LifeDomain.values, 2),
                status=rng.choice(statuses),
                progress=rng.randint(0, 100),
                planned_start=start,
                planned_end=start + datetime.timedelta(days=rng.randint(60, 400)),
                budget_planned=Decimal(rng.randint(1, 100) * 1000),
                budget_spent=Decimal(rng.randint(0, 80) * 1000),
                funding_level=rng.choice(levels),
                funding_source="Bench",
            )
        )
    Action.objects.bulk_create(actions, batch_size=500)
    placed, partnered = Action.places.through, Action.partners.through
    placed.objects.bulk_create(
        [placed(action=a, place=p) for a in actions for p in rng.sample(places, 2)]
    )
    partnered.objects.bulk_create(
        [
            partnered(action=a, organisation=o)
            for a in actions
            for o in rng.sample(organisations, min(2, len(organisations)))
        ]
    )
    initiatives = [
        Initiative(
            title=f"Bench-initiatief {n}",
            owner=rng.choice(organisations),
            starts=year_start,
            status=rng.choice(["planned", "running", "running", "ended"]),
            life_domains=rng.sample(LifeDomain.values, 2),
        )
        for n in range(initiatives_wanted)
    ]
    Initiative.objects.bulk_create(initiatives, batch_size=500)
    runs, where = Initiative.actions.through, Initiative.places.through
    runs.objects.bulk_create(
        [runs(initiative=i, action=a) for i in initiatives for a in rng.sample(actions, 3)]
    )
    where.objects.bulk_create(
        [where(initiative=i, place=p) for i in initiatives for p in rng.sample(places, 2)]
    )
    print("actions", Action.objects.filter(plan__strategy=strategy).count())
    print("strategy", strategy.pk)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="recreated")
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--initiatives", type=int, default=200)
    add_comparison_arguments(parser)
    args = parser.parse_args(argv)
    check_comparison_arguments(parser, args)
    return args


def build_strategy(env: dict[str, str], actions: int, initiatives: int) -> int:
    out = run_step(
        f"add a strategy with {actions} actions and {initiatives} initiatives",
        [str(VENV_BIN / "python"), __file__, "--build", str(actions), str(initiatives)],
        env,
    )
    found = dict(line.split() for line in out.splitlines() if line.count(" ") == 1)
    if int(found.get("actions", 0)) != actions:
        raise BenchError(f"the strategy holds {found.get('actions')} actions, not {actions}")
    return int(found["strategy"])


def main(argv: list[str] | None = None) -> int:
    """Set up, load, report: 0 on target, 3 above it, 1 when requests failed, 2 on errors."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    cores = os.cpu_count() or 1
    processes = min(args.client_processes, args.clients)
    print(
        f"cores: {cores}  gunicorn workers: {args.workers}  clients: {args.clients} in "
        f"{processes} processes  measured: {args.seconds:g} s per page in {args.rounds} rounds "
        f"(+{args.warmup:g} s warm-up)"
    )
    places = ["--places-dir", str(PLACES_DIR)] if PLACES_DIR.is_dir() else []
    servers: list[Server] = []
    try:
        with tempfile.TemporaryDirectory(prefix="samen-bench-policy-") as tmp:
            workdir = Path(tmp)
            env = server_env(args.database_url, workdir)
            print("setting up:")
            set_up_database(
                args.database_url,
                env,
                staff=args.staff,
                seed_options=places,
                label=f"seed {args.staff} staff"
                + (" with boundaries and figures" if places else ""),
            )
            strategy = build_strategy(env, args.actions, args.initiatives)
            vacuum_analyze(args.database_url)
            cookies = create_sessions(env, args.clients)
            collect_static(env)
            ports = start_servers(env, args.workers, workdir, {"samen": "samen.wsgi"}, servers)
            progress_page = f"/policy/progress/{strategy}/"
            for path in (progress_page, DISTRICT_PAGE):
                check_signed_in(ports["samen"], path, cookies)
            if PROGRESS_MARK not in get(ports["samen"], progress_page, cookies[0])[2]:
                raise BenchError("the progress page does not show its objectives")
            targets = [
                Target(
                    "progress page",
                    progress_page,
                    signed_in=True,
                    site="samen",
                    must_contain=PROGRESS_MARK,
                ),
                Target(
                    "district page",
                    DISTRICT_PAGE,
                    signed_in=True,
                    site="samen",
                    must_contain=SIGNED_IN_MARK,
                ),
            ]
            phases = build_phases(targets, args.seconds, args.warmup, args.rounds)
            sessions = [{"samen": cookie} for cookie in cookies]
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
    progress, district = summaries
    ratios = comparison_ratios(
        ("progress", "district"),
        (progress, district),
        (measured[targets[0]], measured[targets[1]]),
    )
    print()
    print(f"{'page':<14} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for s in summaries:
        print(
            f"{s.target:<14} {s.requests:>9} {s.errors:>7} {s.requests_per_second:>8.1f} "
            f"{s.p50_ms:>8.2f} {s.p95_ms:>8.2f}"
        )
    print()
    for name, value in ratios.items():
        print(f"{name}: {value}")
    print(f"target: p95 progress / district at most {TARGET_RATIO}")
    if args.json:
        report = {
            **report_header(args, cores, processes, path=progress_page),
            "targets": [asdict(s) for s in summaries],
            "ratios": ratios,
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    if progress.errors or district.errors:
        print("\nwarning: some requests failed; the figures are suspect.", file=sys.stderr)
        return 1
    return 0 if ratios["p95_progress_over_district"] <= TARGET_RATIO else 3


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build"]:
        build(int(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(main())
