import os
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.core.management.commands.seed import print_accounts
from samen.core.seeding import demo_accounts, demo_password, refuse_production_settings

# Where the city's open boundary data sits beside a checkout (see README).
DEFAULT_PLACES_DIR = settings.PROJECT_DIR.parent / "shared" / "data" / "antwerp"


class Command(BaseCommand):
    help = "Prepare a local demo (migrate, compile translations, seed once) and serve it."
    # The refusal of production settings comes first, before the checks (see handle).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--staff", type=int, default=700)
        parser.add_argument("--places-dir", type=Path, default=DEFAULT_PLACES_DIR)
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Prepare, do not serve.")

    def handle(self, *args, seed, staff, places_dir, addrport, no_serve, **options):
        refuse_production_settings()
        if not options.get("skip_checks"):
            self.check()
        call_command("compile_translations", verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        accounts = get_user_model().objects
        if not accounts.exists():
            if not places_dir.is_dir():
                self.stdout.write(
                    _("%(folder)s not found: the demo runs without maps.") % {"folder": places_dir}
                )
                places_dir = None
            call_command("seed", seed=seed, staff=staff, places_dir=places_dir, stdout=self.stdout)
        else:
            password = demo_password(seed)
            listed = [(str(label), email, str(note)) for email, label, note in demo_accounts()]
            emails = [email for _label, email, _note in listed]
            existing = set(accounts.filter(email__in=emails).values_list("email", flat=True))
            accounts = [
                (label, email, password, note) for label, email, note in listed if email in existing
            ]
            print_accounts(self.stdout.write, accounts)
        if no_serve:
            return
        self.stdout.write(
            "\n" + _("Samen runs on http://%(address)s/ (Ctrl+C stops it).") % {"address": addrport}
        )
        self.stdout.flush()
        # Serve from a fresh interpreter: this one loaded the translation catalogues before
        # compile_translations wrote them (on a first run, none existed), and Django keeps the
        # catalogues it loaded for the life of the process, so the pages would stay English.
        os.execv(  # noqa: S606  (no shell: the arguments go as a list)
            sys.executable,
            [
                sys.executable,
                "-m",
                "samen.cli",
                "runserver",
                addrport,
                "--noreload",
                "--skip-checks",
            ],
        )
