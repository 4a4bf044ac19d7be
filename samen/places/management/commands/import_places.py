from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samen.places.actions import places_import
from samen.places.geojson import PlaceFileError, read_place_file


class Command(BaseCommand):
    help = "Import district and neighbourhood boundaries from a GeoJSON file (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A GeoJSON FeatureCollection (WGS84).")

    def handle(self, *args, file: Path, **options):
        try:
            rows, notices = read_place_file(file)
        except PlaceFileError as error:
            raise CommandError(
                _("Nothing was imported from %(file)s:\n%(problems)s")
                % {"file": file, "problems": error}
            ) from None
        report = places_import(by=None, places=rows)
        for notice in notices:
            self.stdout.write(notice)
        self.stdout.write(
            self.style.SUCCESS(
                _("%(file)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {
                    "file": file.name,
                    "created": len(report.created),
                    "updated": len(report.updated),
                    "unchanged": len(report.unchanged),
                }
            )
        )
