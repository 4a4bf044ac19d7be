"""CSV import benchmark: Samen's signal import against PostgreSQL's own COPY of the same file.

Why: importing a file can never be faster than the database reading it, so the import's cost
only means something as a multiple of a bare COPY of the same bytes into a plain table of text
columns. The target is at most 5x for 1,000,000 rows.

One run drops and recreates the PostgreSQL database `samen_bench_import`, migrates it, seeds a
small city (`samen seed --staff 50 --signals 0`, with the neighbourhoods when the city's open
boundary data is at ../shared/data/antwerp), writes a deterministic synthetic CSV of valid
signals, and then times, in interleaved rounds (copy, import, import, copy, ...):

  copy    COPY plain_table FROM STDIN (FORMAT csv, HEADER) of the file, 9 text columns;
  import  `samen import_signals FILE --as analist@samen.test` (wall clock, process start
          included), after which the imported signals are removed again.

Run from the project root:  .venv/bin/python bench/signal_import.py --rows 1000000 --runs 3
It is not part of the test suite.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from databases import BenchError, database_name, recreate_database  # noqa: E402
from serverlib import (  # noqa: E402 - the shared set-up of the benchmarks
    PROJECT_DIR,
    VENV_BIN,
    seed_env,
    server_env,
)

PLACES_DIR = PROJECT_DIR.parent / "shared" / "data" / "antwerp"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/samen_bench_import"
IMPORTER = "analist@samen.test"  # policy analyst: may import for every district
HEADER = [
    "occurred_at",
    "district",
    "neighbourhood",
    "categories",
    "severity",
    "source_type",
    "information_class",
    "confidence",
    "text",
]
# CASCADE: other modules' tables point at signals (restore plans, mediations); in this
# throwaway database they hold nothing an import made, and nothing else is kept.
RESET_SQL = (
    "TRUNCATE signals_signal_categories, signals_signal_shared_with, signals_followup, "
    "signals_comment, signals_signal, signals_weeklycount, signals_signalimport CASCADE"
)


# --- Set-up ----------------------------------------------------------------------------------


def run_step(label: str, args: list[str], env: dict[str, str]) -> float:
    """Run one command quietly and return its wall-clock seconds; show output on failure."""
    print(f"  {label} ...", end="", flush=True)
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        print(" failed")
        raise BenchError(
            f"{label} exited with {proc.returncode}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        )
    print(f" {seconds:.2f} s")
    return seconds


# --- The synthetic file ----------------------------------------------------------------------

SUBJECTS = [
    "Spanning tussen twee groepen jongeren",
    "Racistische opmerkingen naar voorbijgangers",
    "Aanhoudende overlast door lawaai en afval",
    "Onrust onder buurtbewoners",
    "Ruzie tussen ouders",
    "Stickers met extreemrechtse symbolen",
    "Flyers met complottheorieën",
    "Discussie op sociale media die hoog oploopt",
    "Geruchten over een nieuw opvangcentrum",
    "Pesterijen tegen een koppel",
    "Samenscholing van jongeren zonder dagbesteding",
    "Dreigende graffiti",
    "Conflict tussen handelaars en bewoners",
    "Frustratie over lange wachtrijen bij de voedselhulp",
    "Wrevel tussen bewoners over drugsgebruik in de portieken",
]
PLACES = [
    "op het pleintje",
    "aan de tramhalte",
    "rond de speeltuin",
    "aan de schoolpoort",
    "in het park",
    "bij het station",
    "in de gemeenschappelijke gang van een woonblok",
    "op de wijkvergadering",
    "langs de steenweg",
    "bij de sporthal",
    "aan de ingang van de moskee",
    "rond het buurthuis",
]
MOMENTS = [
    "",
    "in de avond",
    "na schooltijd",
    "tijdens het weekend",
    "rond {hour} u",
    "al {weeks} weken",
    "sinds de vakantie",
    "na de wedstrijd van zondag",
]
DYNAMICS = [
    "Buurtwerkers proberen te bemiddelen.",
    "Bewoners voelen zich onveilig na donker.",
    "Meerdere getuigen, geen gewonden.",
    "De straathoekwerkers volgen het op.",
    "Een groep van {count} jongeren was betrokken.",
    "De sfeer is gespannen maar rustig gebleven.",
    "Ouders vragen om extra toezicht.",
    "Er werd met dingen gegooid; de politie kwam langs.",
    "Handelaars overwegen vroeger te sluiten.",
    "",
]


def synthetic_text(rng: random.Random) -> str:
    """A short Dutch description of a situation, never of a person; some carry small numbers."""
    moment = rng.choice(MOMENTS).format(hour=rng.randrange(7, 24), weeks=rng.randrange(2, 9))
    dynamic = rng.choice(DYNAMICS).format(count=rng.randrange(5, 40))
    first = " ".join(part for part in (rng.choice(SUBJECTS), rng.choice(PLACES), moment) if part)
    return f"{first}. {dynamic}".strip()


def load_city(
    database_url: str,
) -> tuple[list[tuple[str, datetime.date | None, list[str]]], list[str]]:
    """The districts (code, valid from, neighbourhood codes) and leaf category codes."""
    import psycopg

    with psycopg.connect(database_url) as conn:
        districts = conn.execute(
            "SELECT id, code, valid_from FROM places_place "
            "WHERE kind = 'district' AND valid_until IS NULL ORDER BY code"
        ).fetchall()
        children: dict[int, list[str]] = {}
        for parent_id, code in conn.execute(
            "SELECT parent_id, code FROM places_place WHERE kind = 'neighbourhood' ORDER BY code"
        ):
            children.setdefault(parent_id, []).append(code)
        categories = [
            code
            for (code,) in conn.execute(
                "SELECT code FROM signals_category "
                "WHERE parent_id IS NOT NULL AND is_active ORDER BY code"
            )
        ]
    city = [(code, valid_from, children.get(pk, [])) for pk, code, valid_from in districts]
    return city, categories


def write_csv(path: Path, rows: int, seed: int, database_url: str) -> None:
    """Write `rows` valid signals over the last two years; same seed and week, same file."""
    rng = random.Random(seed)
    city, categories = load_city(database_url)
    tz = datetime.timezone(datetime.timedelta(hours=1))
    today = datetime.date.today()
    anchor = datetime.datetime.combine(
        today - datetime.timedelta(days=today.weekday() + 1), datetime.time(12), tz
    )  # noon on last Sunday: the same file all week long
    span_minutes = 2 * 365 * 24 * 60
    severities, sources = [1, 2, 3, 4], ["own_observation", "resident", "partner", "media", "other"]
    classes = ["evidenced", "experienced", "potential"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for _ in range(rows):
            district, valid_from, neighbourhoods = rng.choice(city)
            occurred = anchor - datetime.timedelta(minutes=rng.randrange(span_minutes))
            if valid_from and occurred.date() <= valid_from:
                occurred = anchor - datetime.timedelta(minutes=rng.randrange(60 * 24 * 300))
            picked = rng.sample(categories, rng.choices([1, 2, 3], weights=[60, 30, 10])[0])
            writer.writerow(
                [
                    occurred.isoformat(timespec="minutes"),
                    district,
                    rng.choice(neighbourhoods) if neighbourhoods and rng.random() < 0.8 else "",
                    ";".join(picked),
                    rng.choices(severities, weights=[45, 35, 15, 5])[0],
                    rng.choice(sources),
                    rng.choices(classes, weights=[40, 40, 20])[0],
                    rng.choices([1, 2, 3], weights=[20, 50, 30])[0],
                    synthetic_text(rng),
                ]
            )


# --- The two measurements --------------------------------------------------------------------


def time_copy(database_url: str, path: Path) -> float:
    """Seconds for COPY of the file into a fresh plain table of text columns (then dropped)."""
    import psycopg

    columns = ", ".join(f"{name} text" for name in HEADER)
    with psycopg.connect(database_url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_plain_signals")
        conn.execute(f"CREATE TABLE bench_plain_signals ({columns})")
        conn.commit()
        conn.execute("CHECKPOINT")
        started = time.perf_counter()
        with (
            conn.cursor() as cursor,
            cursor.copy(
                "COPY bench_plain_signals FROM STDIN WITH (FORMAT csv, HEADER true)"
            ) as copy,
            path.open("rb") as handle,
        ):
            while chunk := handle.read(1 << 20):
                copy.write(chunk)
        conn.commit()
        seconds = time.perf_counter() - started
        count = conn.execute("SELECT count(*) FROM bench_plain_signals").fetchone()[0]
        conn.execute("DROP TABLE bench_plain_signals")
        conn.commit()
    print(f"  copy    {count:>9} rows {seconds:8.2f} s")
    return seconds


def time_floor(database_url: str, path: Path, rows: int) -> float:
    """Seconds to COPY the same rows, converted but unchecked, into Samen's own tables.

    What the schema alone costs (its indexes and the foreign keys checked at commit), with no
    validation and no weekly counts: no import into these tables can be faster.
    """
    import psycopg

    with psycopg.connect(database_url) as conn:
        places = dict(conn.execute("SELECT code, id FROM places_place").fetchall())
        categories = dict(conn.execute("SELECT code, id FROM signals_category").fetchall())
        user = conn.execute("SELECT id FROM people_user WHERE email = %s", [IMPORTER]).fetchone()
        batch = conn.execute(
            "INSERT INTO signals_signalimport (file_name, rows, imported_by_id, imported_at) "
            "VALUES ('floor', %s, %s, now()) RETURNING id",
            [rows, user[0]],
        ).fetchone()[0]
        conn.commit()
        conn.execute("CHECKPOINT")
        started = time.perf_counter()
        ids = [
            pk
            for (pk,) in conn.execute(
                "SELECT nextval(pg_get_serial_sequence('signals_signal', 'id')) "
                "FROM generate_series(1, %s)",
                [rows],
            )
        ]
        now = datetime.datetime.now(datetime.UTC)
        links = []
        with conn.cursor() as cursor, path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            with cursor.copy(
                "COPY signals_signal (id, district_id, neighbourhood_id, occurred_at, week, "
                "severity, source_type, information_class, confidence, text, status, "
                "reporter_id, created_at, imported_in_id) FROM STDIN"
            ) as copy:
                for pk, cells in zip(ids, reader, strict=True):
                    moment = datetime.datetime.fromisoformat(cells[0])
                    day = moment.date()
                    copy.write_row(
                        (pk, places[cells[1]], places.get(cells[2]), moment,
                         day - datetime.timedelta(days=day.weekday()), cells[4], cells[5],
                         cells[6], cells[7], cells[8], "new", user[0], now, batch)
                    )  # fmt: skip
                    links += [(pk, categories[code]) for code in cells[3].split(";")]
            with cursor.copy(
                "COPY signals_signal_categories (signal_id, category_id) FROM STDIN"
            ) as copy:
                for link in links:
                    copy.write_row(link)
        conn.commit()
        seconds = time.perf_counter() - started
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(RESET_SQL)
        conn.execute("VACUUM ANALYZE signals_signal, signals_signal_categories")
    print(f"  floor   {rows:>9} rows {seconds:8.2f} s")
    return seconds


def time_import(database_url: str, path: Path, env: dict[str, str], rows: int) -> float:
    """Seconds for `samen import_signals` of the file; the signals are removed afterwards."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("CHECKPOINT")
    args = [str(VENV_BIN / "samen"), "import_signals", str(path), "--as", IMPORTER, "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.run(args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise BenchError(f"the import failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    with psycopg.connect(database_url, autocommit=True) as conn:
        count = conn.execute("SELECT count(*) FROM signals_signal").fetchone()[0]
        if count != rows:
            raise BenchError(f"the import stored {count} signals, not {rows}")
        conn.execute(RESET_SQL)
        conn.execute("VACUUM ANALYZE signals_signal, signals_signal_categories")
    print(f"  import  {count:>9} rows {seconds:8.2f} s")
    return seconds


PHASES_SNIPPET = """
import time
from django.db import connection
from samen.people.models import User
from samen.signals.csv_import import import_file
from samen.signals.management.commands.import_signals import ParallelChunks

started = time.perf_counter()
marks = {}
slow = []

def progress(phase, rows):
    marks[phase] = time.perf_counter() - started

def timed(execute, sql, params, many, context):
    begun = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        seconds = time.perf_counter() - begun
        if seconds > 0.05:
            slow.append((seconds, " ".join(sql.split())[:60]))

connection.execute_wrapper(timed).__enter__()
data = open(%(path)r, "rb").read()
read = time.perf_counter() - started
user = User.objects.get(email=%(email)r)
outcome = import_file(data, by=user, file_name="phases.csv", again=True, progress=progress,
                      chunks=ParallelChunks(2))
total = time.perf_counter() - started
assert outcome.batch is not None, outcome.checked.problems[:5]
print(f"phase read file            {read:7.2f} s")
print(f"phase check + stage        {marks['check'] - read:7.2f} s  (worker processes, COPY)")
for seconds, sql in slow:
    print(f"phase   {seconds:7.2f} s  {sql}")
print(f"phase store, commit        {total - marks['check']:7.2f} s  (statements above, and the "
      "foreign keys checked at commit)")
print(f"phase total in process     {total:7.2f} s")
"""


def time_phases(database_url: str, path: Path, env: dict[str, str]) -> None:
    """One more import, in one process with its phases timed; not part of the medians."""
    import psycopg

    snippet = PHASES_SNIPPET % {"path": str(path), "email": IMPORTER}
    proc = subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "shell", "-c", snippet],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise BenchError(f"the timed import failed:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    print("per phase (one more import, in one process):")
    for line in proc.stdout.splitlines():
        if line.startswith("phase"):
            print("  " + line[len("phase ") :])
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(RESET_SQL)
        conn.execute("VACUUM ANALYZE signals_signal, signals_signal_categories")


def report(rows: int, copies: list[float], imports: list[float], floors: list[float]) -> None:
    """Medians, rates and ratios, then every run."""
    copy_s, import_s = statistics.median(copies), statistics.median(imports)
    print()
    print(f"COPY into a plain table (median):   {copy_s:8.2f} s  {rows / copy_s:>10,.0f} rows/s")
    print(
        f"Samen import (median):              {import_s:8.2f} s  {rows / import_s:>10,.0f} rows/s"
    )
    if floors:
        floor_s = statistics.median(floors)
        print(
            f"unchecked COPY into Samen's tables: {floor_s:8.2f} s  {rows / floor_s:>10,.0f} rows/s"
        )
        print(
            f"  floor / COPY:                     {floor_s / copy_s:8.2f}x  (the schema's own cost)"
        )
    print(f"  import / COPY:                    {import_s / copy_s:8.2f}x  (target: at most 5x)")
    for name, runs in (("copy", copies), ("import", imports), ("floor", floors)):
        if runs:
            print(f"  {name} runs: " + ", ".join(f"{seconds:.2f}" for seconds in runs))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options; the defaults are the reference configuration."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the file")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (median shown)")
    parser.add_argument("--seed", type=int, default=2026, help="same seed, same file")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="dropped and remade")
    parser.add_argument("--keep-csv", type=Path, help="also keep the generated file here")
    parser.add_argument(
        "--phases",
        action="store_true",
        help="also time the phases of one more import (PostgreSQL path, in one process)",
    )
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also time an unchecked COPY into Samen's own tables (what the schema costs)",
    )
    args = parser.parse_args(argv)
    if args.rows < 1 or args.runs < 1:
        parser.error("--rows and --runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Set up, measure, report; 0 on success, 2 when set-up or a run failed."""
    args = parse_args(argv)
    print(f"cores: {os.cpu_count()}  rows: {args.rows:,}  runs: {args.runs}")
    try:
        database_name(args.database_url)
        with tempfile.TemporaryDirectory(prefix="samen-bench-import-") as tmp:
            workdir = Path(tmp)
            env = server_env(args.database_url, workdir)
            print("setting up:")
            recreate_database(args.database_url)
            run_step("migrate", [str(VENV_BIN / "python"), "manage.py", "migrate"], env)
            seed = [str(VENV_BIN / "samen"), "seed", "--staff", "50", "--signals", "0"]
            seed.append("--no-progress")
            if PLACES_DIR.is_dir():
                seed += ["--places-dir", str(PLACES_DIR)]
            run_step("seed", seed, seed_env(env))
            path = args.keep_csv or workdir / "signals.csv"
            print(f"  write {args.rows:,} rows to {path} ...", end="", flush=True)
            started = time.perf_counter()
            write_csv(path, args.rows, args.seed, args.database_url)
            size = path.stat().st_size / 1e6
            print(f" {time.perf_counter() - started:.1f} s, {size:.0f} MB")
            copies, imports, floors = [], [], []
            steps = [
                lambda: copies.append(time_copy(args.database_url, path)),
                lambda: imports.append(time_import(args.database_url, path, env, args.rows)),
            ]
            if args.floor:
                steps.append(lambda: floors.append(time_floor(args.database_url, path, args.rows)))
            print("measuring (in alternating order, so that drift hits each alike):")
            for run in range(args.runs):
                for step in steps if run % 2 == 0 else steps[::-1]:
                    step()
            if args.phases:
                time_phases(args.database_url, path, env)
    except BenchError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    report(args.rows, copies, imports, floors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
