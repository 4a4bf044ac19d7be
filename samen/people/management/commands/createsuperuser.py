"""Refuse Django's `createsuperuser`: Samen has no superusers and no chosen passwords."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = "Refused in Samen: use `samen create-administrator EMAIL` instead."

    def add_arguments(self, parser):
        # Django's own options, so that scripts written for it get this message.
        parser.add_argument("--email")
        parser.add_argument("--full_name")
        parser.add_argument("--noinput", "--no-input", action="store_true")
        parser.add_argument("--database")

    def handle(self, *args, **options):
        raise CommandError(
            _(
                "Samen has no superusers. Create the first administrator with `samen "
                'create-administrator EMAIL --name "FULL NAME"`: they receive a sign-in '
                "link by e-mail and choose their own password."
            )
        )
