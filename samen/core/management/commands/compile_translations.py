from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the translation catalogues (.po to .mo) in pure Python, without gettext."

    # Django's compilemessages needs GNU gettext's msgfmt; a newcomer's machine may have
    # only Python, so the catalogues are compiled with polib instead.
    def handle(self, *args, **options):
        compiled = 0
        # The shared catalogue, then each module's own (samen/<module>/locale), which lets a
        # module carry its strings with it.
        folders = [
            *settings.LOCALE_PATHS,
            *sorted(Path(settings.BASE_DIR).glob("*/locale")),
        ]
        for folder in folders:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"{compiled} translation catalogue(s) compiled.")
