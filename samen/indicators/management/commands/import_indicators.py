"""`samen import-indicators FILE --source NAME`: import a file of figures, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from samen.indicators.actions import mapping_save, values_import
from samen.indicators.importing import check_file, count_rows
from samen.indicators.models import SourceMapping
from samen.people.models import User


class Command(BaseCommand):
    help = (
        "Import figures per statistical sector (CD_SECTOR) or per place (a wide CSV or XLSX "
        "export) under a source's saved mapping (see docs/indicators.md). Every row is "
        "checked first; when any row is bad, each one is reported and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV or XLSX file.")
        parser.add_argument(
            "--source",
            required=True,
            help="The source's name; its saved mapping is used, or saved with --map.",
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="COLUMN=CODE",
            help="A column and the data element it holds (repeat); saves the source's mapping.",
        )
        parser.add_argument("--layout", choices=SourceMapping.Layout.values)
        parser.add_argument("--place-column", help="Column of the sector or place.")
        parser.add_argument("--year-column", help="Column of the year.")
        parser.add_argument("--quarter-column", help="Column of the quarter, if any.")
        parser.add_argument("--year", type=int, help="The year of every row, without a column.")
        parser.add_argument("--synthetic", action="store_true", help="Generated figures.")
        parser.add_argument(
            "--as",
            dest="email",
            help="E-mail address of the administrator importing (default: Samen itself).",
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the messages.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(self, *args, file: Path, language: str, **options):
        with translation.override(language):
            self._import(file, **options)

    def _import(self, path: Path, *, source: str, email: str | None, no_progress: bool, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error}
            ) from None
        user = None
        if email:
            user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
            if user is None:
                raise CommandError(
                    _("No active account has the address %(email)s.") % {"email": email}
                )
        mapping = self._mapping(source, user, options)
        bar = tqdm(
            total=count_rows(data) or None,
            desc=_("checking"),
            unit=" rows",
            disable=no_progress,
        )

        def checked_rows(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            checked = check_file(data, mapping, progress=checked_rows)
        finally:
            bar.close()
        if checked.problems:
            for problem in checked.problems:
                where = _("line %(line)s") % {"line": problem.line} if problem.line else _("file")
                column = f" [{problem.column}]" if problem.column else ""
                self.stderr.write(f"{where}{column}: {problem.message}")
            raise CommandError(
                _("%(count)s problems in %(lines)s lines; nothing was imported.")
                % {
                    "count": len(checked.problems),
                    "lines": len({p.line for p in checked.problems}),
                }
            )
        store_bar = tqdm(
            total=len(checked.values), desc=_("storing"), unit=" values", disable=no_progress
        )
        try:
            outcome = values_import(
                by=user,
                checked=checked,
                file_name=path.name,
                mapping=mapping,
                synthetic=mapping.synthetic,
                stored=store_bar.update,
            )
        except PermissionDenied:
            raise CommandError(
                _("%(email)s may not import figures: administrators may.") % {"email": email}
            ) from None
        finally:
            store_bar.close()
        if outcome.nothing_changed:
            self.stdout.write(
                _("Nothing changed: the %(values)s values of %(file)s are stored already.")
                % {"values": outcome.unchanged, "file": path.name}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Imported %(file)s (import %(number)s): %(created)s new values, "
                    "%(changed)s corrected, %(unchanged)s unchanged."
                )
                % {
                    "file": path.name,
                    "number": outcome.data_import.pk,
                    "created": outcome.created,
                    "changed": outcome.changed,
                    "unchanged": outcome.unchanged,
                }
            )
        )

    def _mapping(self, source: str, user, options: dict) -> SourceMapping:
        """The source's saved mapping, changed and saved again when options say more."""
        mapping = SourceMapping.objects.filter(name=source).first()
        given = {
            "layout": options["layout"],
            "place_column": options["place_column"],
            "year_column": options["year_column"],
            "quarter_column": options["quarter_column"],
            "fixed_year": options["year"],
        }
        if mapping is None and not options["map"]:
            raise CommandError(
                _(
                    "No mapping is saved for the source %(source)s. Give --layout and a --map "
                    "COLUMN=CODE for each column to import; it is saved for the next file."
                )
                % {"source": source}
            )
        if not options["map"] and not any(v is not None for v in given.values()):
            return mapping
        mapping = mapping or SourceMapping(name=source, layout=SourceMapping.Layout.SECTORS)
        for name, value in given.items():
            if value is not None:
                setattr(mapping, name, value)
        if options["year"] is not None and options["year_column"] is None:
            mapping.year_column = ""
        if options["synthetic"]:
            mapping.synthetic = True
        if options["map"]:
            columns = {}
            for pair in options["map"]:
                column, sep, code = pair.partition("=")
                if not sep or not column.strip() or not code.strip():
                    raise CommandError(
                        _("Write each --map as COLUMN=CODE, not %(pair)s.") % {"pair": pair}
                    )
                columns[column.strip()] = code.strip()
            mapping.columns = columns
        try:
            return mapping_save(by=user, mapping=mapping)
        except ValidationError as error:
            messages = [m for ms in error.message_dict.values() for m in ms]
            raise CommandError("\n".join(messages)) from None
        except PermissionDenied:
            raise CommandError(
                _("%(email)s may not change mappings: administrators may.") % {"email": user.email}
            ) from None
