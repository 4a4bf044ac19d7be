"""Indicator import benchmark: 321 sectors × 60 data elements × 20 years through the command.

Why: a city receives its figures per statistical sector, about 385,000 values for twenty
years of sixty data elements; `samen import-indicators` must take such a file in under a
minute on this machine, checked row by row and stored all or nothing, with the sums per
neighbourhood, district and city made again.

One run recreates a PostgreSQL database, migrates it, imports the neighbourhoods and the
sector lookup from ../shared/data/antwerp, creates 60 data elements, writes a pipe-separated
file of 6,420 rows (one per sector and year, 60 value columns), and times, as wall clock with
the process start, three runs of the command: the first import (the mapping saved with it),
the same file again (nothing changes), and a file with 1% of the values corrected (each keeps
the earlier value in its history).

Run from the project root:  .venv/bin/python bench/indicator_import.py
It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import BenchError, recreate_database  # noqa: E402
from serverlib import PROJECT_DIR, VENV_BIN, run_step, server_env  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench_indicators"
PLACES_DIR = PROJECT_DIR.parent / "shared" / "data" / "antwerp"
LOOKUP = PLACES_DIR / "antwerp_statsec_district_wijk_lookup.csv"
TARGET_SECONDS = 60.0

ELEMENTS_SNIPPET = """
import os
from samen.indicators.actions import data_element_save
from samen.indicators.models import DataElement
for n in range(1, int(os.environ["BENCH_ELEMENTS"]) + 1):
    data_element_save(by=None, element=DataElement(
        code=f"bench_{n:02d}", name_nl=f"Bench {n}", source="bench", licence="CC0",
    ))
print("elements", DataElement.objects.count())
"""
COUNT_SNIPPET = (
    "from samen.indicators.models import Value, ValueRevision, Aggregate;"
    "print(Value.objects.count(), ValueRevision.objects.count(), Aggregate.objects.count())"
)


def write_file(path: Path, sectors: list[str], elements: int, years: range, rng, change=0.0):
    """The sector file; with `change`, that share of the values one more than before."""
    lines = ["CD_YEAR|CD_SECTOR|" + "|".join(f"E{n:02d}" for n in range(1, elements + 1))]
    values = 0
    for sector in sectors:
        for year in years:
            cells = []
            for n in range(elements):
                value = (hash((sector, year, n)) % 5000) + 30
                if change and rng.random() < change:
                    value += 1
                cells.append(str(value))
            values += elements
            lines.append(f"{year}|{sector}|" + "|".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return values


def timed(label: str, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise BenchError(f"{label} exited with {proc.returncode}:\n{proc.stderr[-3000:]}")
    print(f"  {label}: {seconds:.1f} s  {proc.stdout.strip().splitlines()[-1]}")
    return seconds, proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="recreated")
    parser.add_argument("--elements", type=int, default=60)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not LOOKUP.is_file():
        print(f"error: {LOOKUP} is needed", file=sys.stderr)
        return 2
    rng = random.Random(2026)
    sectors = [line.split(",")[0] for line in LOOKUP.read_text().splitlines()[1:] if line]
    years = range(2026 - args.years + 1, 2027)
    try:
        with tempfile.TemporaryDirectory(prefix="samen-bench-indicators-") as tmp:
            workdir = Path(tmp)
            env = server_env(args.database_url, workdir)
            python, samen = str(VENV_BIN / "python"), str(VENV_BIN / "samen")
            print("setting up:")
            recreate_database(args.database_url)
            run_step("migrate", [python, "manage.py", "migrate", "--noinput"], env)
            run_step(
                "neighbourhoods",
                [samen, "import-places", str(PLACES_DIR / "antwerp_wijken_2025.geojson")],
                env,
            )
            run_step("sector lookup", [samen, "import-sectors", str(LOOKUP)], env)
            run_step(
                f"{args.elements} data elements",
                [python, "manage.py", "shell", "-c", ELEMENTS_SNIPPET],
                {**env, "BENCH_ELEMENTS": str(args.elements)},
            )
            first = workdir / "statbel-sectors.txt"
            values = write_file(first, sectors, args.elements, years, rng)
            print(
                f"file: {len(sectors)} sectors × {args.years} years × {args.elements} "
                f"elements = {values:,} values, {first.stat().st_size / 1e6:.1f} MB"
            )
            mapping = [f"--map=E{n:02d}=bench_{n:02d}" for n in range(1, args.elements + 1)]
            command = [samen, "import-indicators", "--no-progress", "--language", "en"]
            print("timing:")
            seconds_first, _ = timed(
                "first import",
                [
                    *command,
                    str(first),
                    "--source",
                    "bench",
                    "--layout",
                    "sectors",
                    "--place-column",
                    "CD_SECTOR",
                    "--year-column",
                    "CD_YEAR",
                    *mapping,
                ],
                env,
            )
            seconds_again, out_again = timed(
                "the same file again", [*command, str(first), "--source", "bench"], env
            )
            corrected = workdir / "statbel-sectors-corrected.txt"
            write_file(corrected, sectors, args.elements, years, rng, change=0.01)
            seconds_corrected, _ = timed(
                "1% corrected", [*command, str(corrected), "--source", "bench"], env
            )
            counts = run_step(
                "count", [python, "manage.py", "shell", "-c", COUNT_SNIPPET], env
            ).split()
    except BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    print(f"\nvalues {counts[-3]}, revisions {counts[-2]}, aggregates {counts[-1]}")
    print(
        f"first import {seconds_first:.1f} s (target under {TARGET_SECONDS:.0f} s), "
        f"again {seconds_again:.1f} s, corrected {seconds_corrected:.1f} s"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "values": values,
                    "first_import_s": round(seconds_first, 2),
                    "same_file_again_s": round(seconds_again, 2),
                    "one_percent_corrected_s": round(seconds_corrected, 2),
                    "stored": {
                        "values": int(counts[-3]),
                        "revisions": int(counts[-2]),
                        "aggregates": int(counts[-1]),
                    },
                },
                indent=2,
            )
            + "\n"
        )
    if "Nothing changed" not in out_again:
        print("error: the second import changed something", file=sys.stderr)
        return 2
    return 0 if seconds_first < TARGET_SECONDS else 3


if __name__ == "__main__":
    sys.exit(main())
