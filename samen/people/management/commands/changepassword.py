"""Refuse Django's `changepassword`: nobody sets another person's password."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Refused in Samen: people set their own password through a sign-in link."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument("--database")

    def handle(self, *args, **options):
        raise CommandError(
            _(
                "Nobody sets another person's password in Samen. The person uses “Forgot "
                "your password?” on the sign-in page, or an administrator sends them a new "
                "sign-in link from their page in the administration."
            )
        )
