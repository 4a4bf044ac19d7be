from django.core.management.base import BaseCommand, CommandError

from samen.people.actions import second_factor_reset
from samen.people.models import User


class Command(BaseCommand):
    help = "Remove a person's second factor after a lost phone (operators only)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        member = User.objects.filter(email__iexact=email.strip()).first()
        if member is None:
            raise CommandError(f"No account with e-mail address {email}.")
        removed = second_factor_reset(by=None, member=member)
        self.stdout.write(
            f"{removed} second factor(s) removed for {member.email}; "
            "they set up a new app at their next sign-in."
        )
