"""`samen import-sectors FILE`: the statistical-sector → neighbourhood → district lookup."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samen.indicators.actions import sectors_import
from samen.indicators.importing import read_sector_lookup


class Command(BaseCommand):
    help = (
        "Import the statistical sectors and the neighbourhood and district each lies in, from "
        "a CSV file with the columns statsec, district_code and wijk_code (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The lookup CSV file.")

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}
            ) from None
        rows, problems = read_sector_lookup(data)
        if problems:
            for problem in problems:
                self.stderr.write(f"{_('line')} {problem.line}: {problem.message}")
            raise CommandError(_("Nothing was imported from %(file)s.") % {"file": file})
        report = sectors_import(by=None, rows=rows)
        if report.without_district:
            self.stdout.write(
                _("Sectors without a known district count for the city only: %(codes)s.")
                % {"codes": ", ".join(report.without_district)}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("%(file)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {
                    "file": file.name,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                }
            )
        )
