"""Create an administrator without a password; they receive a one-time sign-in link."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samen.people.actions import staff_member_create
from samen.people.roles import Role


def default_site_url() -> str:
    origins = getattr(settings, "CSRF_TRUSTED_ORIGINS", None) or []
    return origins[0] if origins else "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Create an administrator account (the first one, say) without a password: the person "
        "receives a one-time sign-in link by e-mail and chooses their own."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", required=True, help="The person's full name.")
        parser.add_argument(
            "--site-url",
            default=None,
            help="Samen's address for the link (default: the first CSRF_TRUSTED_ORIGINS).",
        )

    def handle(self, *args, email: str, name: str, site_url: str | None, **options):
        try:
            member = staff_member_create(
                by=None,
                email=email,
                full_name=name,
                role=Role.ADMINISTRATOR,
                welcome_url=site_url or default_site_url(),
            )
        except ValidationError as refused:
            raise CommandError(" ".join(refused.messages)) from refused
        self.stdout.write(
            _("Administrator %(email)s created; a sign-in link was sent to that address.")
            % {"email": member.email}
        )
