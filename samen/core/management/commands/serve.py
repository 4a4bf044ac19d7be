import os
import shutil
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Serve Samen with gunicorn, the production server (run migrate once beforehand)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("SAMEN_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("SAMEN_WORKERS", 2 * os.cpu_count() + 1)),
        )
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(self, *args, bind, workers, no_collectstatic, **options):
        if settings.DEBUG:
            # Debug settings use public development keys for the case consultation's data
            # and second factors, and send cookies over plain http: never on a server.
            raise CommandError(
                _("samen serve runs only with production settings: unset SAMEN_DEBUG."),
                returncode=2,
            )
        call_command("check", deploy=True, fail_level="ERROR")
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        gunicorn = shutil.which("gunicorn") or os.path.join(
            os.path.dirname(sys.executable), "gunicorn"
        )
        if not os.path.exists(gunicorn):
            raise CommandError("gunicorn is not installed in this environment.")
        self.stdout.write(f"Serving on {bind} with {workers} workers.")
        # Replace this process by gunicorn, so signals from a supervisor reach it directly.
        os.execv(  # noqa: S606
            gunicorn,
            [
                gunicorn,
                "samen.wsgi",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--access-logfile",
                "-",
            ],
        )
