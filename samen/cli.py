"""The `samen` console command: the common tasks by name, anything else to Django."""

import os
import sys

COMMANDS = {
    "demo": "demo",
    "serve": "serve",
    "seed": "seed",
    "import-places": "import_places",
    "import-signals": "import_signals",
    "import-sectors": "import_sectors",
    "import-indicators": "import_indicators",
    "purge-signal-text": "purge_signal_text",
    "purge-mediation-data": "purge_mediation_data",
    "mail-notifications": "mail_notifications",
    "compile-translations": "compile_translations",
    "reset-second-factor": "reset_second_factor",
    "rotate-mfa-keys": "rotate_mfa_keys",
    "rotate-webhook-keys": "rotate_webhook_keys",
    "rotate-peer-keys": "rotate_peer_keys",
    "propose-mayor-seat": "propose_mayor_seat",
    "create-administrator": "create_administrator",
    "record-role-lapses": "record_role_lapses",
    "schedule-tasks": "schedule_tasks",
}
USAGE = """usage: samen COMMAND [options]

  demo            migrate a local SQLite database, seed the demo city once, print the demo
                  accounts and serve on http://127.0.0.1:8000
  serve           serve with gunicorn (production; SECRET_KEY and DATABASE_URL from the
                  environment)
  seed            fill an empty database with a synthetic city
  import-places   import district and neighbourhood boundaries from a GeoJSON file
  import-signals  import signals from a CSV file (all rows or none)
  import-sectors  import the statistical-sector lookup (sector -> neighbourhood -> district)
  import-indicators FILE --source NAME
                  import figures per statistical sector or per place (all rows or none)
  purge-signal-text
                  remove signal text past its retention period (also runs daily)
  purge-mediation-data
                  remove mediation party details past their retention period (also nightly)
  mail-notifications
                  build the notification digests and send the e-mails due (also at 07:00)
  compile-translations
                  compile the translation catalogues
  reset-second-factor EMAIL
                  remove a person's second factor after a lost phone (operators only)
  rotate-mfa-keys re-encrypt second-factor secrets with the newest key in SAMEN_MFA_KEYS
  rotate-webhook-keys
                  re-encrypt webhook signing secrets with the newest key in SAMEN_WEBHOOK_KEYS
  rotate-peer-keys
                  re-encrypt other cities' tokens with the newest key in SAMEN_PEER_KEYS
  propose-mayor-seat EMAIL
                  propose a person for the mayor's seat at the case consultation; the
                  data-protection officer confirms it in Samen (operators only)
  create-administrator EMAIL --name NAME
                  create an administrator without a password; they get a sign-in link
  record-role-lapses
                  audit elevated roles that lapsed unconfirmed (also nightly)
  schedule-tasks  queue every daily task once (a new deployment's step); --list shows them

Any other command goes to Django's manage.py (migrate, check, ...).
"""


def main(argv: list[str] | None = None) -> None:
    """Run a Samen command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        sys.stdout.write(USAGE)
        return
    if argv[0] == "demo" and "SECRET_KEY" not in os.environ:
        # The demo serves plain http on localhost: debug settings, console e-mail. Where a
        # SECRET_KEY is set (a server), the demo gets the server's settings and refuses them.
        os.environ.setdefault("SAMEN_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samen.settings")
    from django.core.management import execute_from_command_line

    command = COMMANDS.get(argv[0], argv[0])
    execute_from_command_line(["samen", command, *argv[1:]])


if __name__ == "__main__":
    main()
