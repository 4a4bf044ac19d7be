"""`samen import_signals FILE.csv --as EMAIL`: import a CSV file of signals, all or nothing."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from samen.people.models import User
from samen.signals.actions import SignalFields
from samen.signals.csv_import import (
    RowChecker,
    Shape,
    check_chunk,
    checked_chunks,
    chunked,
    import_file,
)

# Below this many rows a file is checked in this process: starting workers costs more.
PARALLEL_FROM_ROWS = 20_000


class Command(BaseCommand):
    help = (
        "Import signals from a UTF-8 CSV file (see docs/import.md). Every row is checked "
        "first; when any row is bad, each one is reported and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV file.")
        parser.add_argument(
            "--as",
            dest="email",
            required=True,
            help="E-mail address of the administrator, analyst or coordinator importing.",
        )
        parser.add_argument(
            "--again",
            action="store_true",
            help="Import even though a file with this name was imported before.",
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the messages.",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=min(os.cpu_count() or 1, 4),
            help="Processes that check rows of large files (default: the cores, at most 4).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(self, *args, file, email, again, language, workers, no_progress, **options):
        with translation.override(language):
            self._import(file, email, again=again, workers=workers, progress=not no_progress)

    def _import(self, path: Path, email: str, *, again: bool, workers: int, progress: bool):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error}
            ) from None
        user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
        if user is None:
            raise CommandError(_("No active account has the address %(email)s.") % {"email": email})
        bars: dict[str, tqdm] = {}
        total = max(data.count(b"\n") - 1, 1)  # a close estimate: quoted cells may hold newlines

        def advance(phase: str, rows: int) -> None:
            if phase not in bars:
                label = _("checking") if phase == "check" else _("storing")
                bars[phase] = tqdm(total=total, desc=label, unit=" rows", disable=not progress)
            bars[phase].update(rows)

        chunks = checked_chunks
        if workers > 1 and total >= PARALLEL_FROM_ROWS:
            chunks = ParallelChunks(workers)
        try:
            outcome = import_file(
                data, by=user, file_name=path.name, again=again, progress=advance, chunks=chunks
            )
        except PermissionDenied:
            raise CommandError(
                _(
                    "%(email)s may not import signals: administrators, policy analysts and "
                    "district coordinators may."
                )
                % {"email": user.email}
            ) from None
        finally:
            for bar in bars.values():
                bar.close()
        if outcome.earlier:
            last = outcome.earlier[0]
            raise CommandError(
                _(
                    "A file named %(file)s was imported before (%(rows)s rows on %(date)s). "
                    "Importing it again adds every row again; use --again if that is what you "
                    "want."
                )
                % {
                    "file": path.name,
                    "rows": last.rows,
                    "date": last.imported_at.date().isoformat(),
                }
            )
        problems = outcome.checked.problems
        if problems:
            for problem in problems:
                where = _("line %(line)s") % {"line": problem.line} if problem.line else _("file")
                column = f" [{problem.column}]" if problem.column else ""
                self.stderr.write(f"{where}{column}: {problem.message}")
            raise CommandError(
                _("%(count)s problems in %(lines)s lines; nothing was imported.")
                % {"count": len(problems), "lines": len({p.line for p in problems})}
            )
        self.stdout.write(
            _("Imported %(rows)s signals from %(file)s (import %(number)s).")
            % {"rows": outcome.batch.rows, "file": path.name, "number": outcome.batch.pk}
        )


PLAIN_FIELDS = ("occurred_at", "severity", "source_type", "information_class", "confidence")


class ParallelChunks:
    """Check chunks of rows in forked worker processes, handing back results in file order.

    The workers inherit the checker with every place and category in memory and do no
    database work; were one to query, it would open a connection of its own rather than use
    the parent's. What goes between processes is plain: cells in, keys and values out.
    """

    checker: RowChecker | None = None  # set before forking; the workers inherit it
    shape: Shape | None = None  # likewise: what the workers make of the good rows
    inherited: list = []

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def __call__(
        self, checker: RowChecker, rows: Iterator, shape: Shape | None = None
    ) -> Iterator[tuple]:
        ParallelChunks.checker, ParallelChunks.shape = checker, shape
        context = multiprocessing.get_context("fork")
        try:
            with context.Pool(self.workers, initializer=_start_worker) as pool:
                if shape is not None:
                    # The workers shape the rows themselves (for the staging table: bytes).
                    yield from pool.imap(_check_shaped, chunked(rows))
                    return
                for compact, problems, count in pool.imap(_check_compact, chunked(rows)):
                    yield [_fields(checker, row) for row in compact], problems, count
        finally:
            ParallelChunks.checker = ParallelChunks.shape = None


def _start_worker() -> None:
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        ParallelChunks.inherited.append(connection.connection)  # the parent's: never used
        connection.connection = None


def _check_shaped(chunk: list) -> tuple[object, list, int]:
    good, problems = check_chunk(chunk, ParallelChunks.checker)
    return ParallelChunks.shape(good), problems, len(chunk)


def _check_compact(chunk: list) -> tuple[list[tuple], list, int]:
    good, problems = check_chunk(chunk, ParallelChunks.checker)
    compact = [
        (
            f.district.pk,
            f.neighbourhood.pk if f.neighbourhood else None,
            [c.pk for c in f.categories],
            f.text,
            *(getattr(f, name) for name in PLAIN_FIELDS),
        )
        for f in good
    ]
    return compact, problems, len(chunk)


def _fields(checker: RowChecker, compact: tuple) -> SignalFields:
    district, neighbourhood, categories, text, *plain = compact
    return SignalFields(
        district=checker.places_by_pk[district],
        neighbourhood=checker.places_by_pk[neighbourhood] if neighbourhood else None,
        categories=[checker.categories_by_pk[c] for c in categories],
        text=text,
        **dict(zip(PLAIN_FIELDS, plain, strict=True)),
    )
