from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from samen.cases.actions.table import mayor_seat_propose
from samen.cases.forms.cases import first_error
from samen.people.models import User


class Command(BaseCommand):
    help = (
        "Propose a person for the mayor's seat at the case consultation (operators only); "
        "the data-protection officer confirms it in Samen before it grants anything."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        person = User.objects.filter(email__iexact=email.strip()).first()
        if person is None:
            raise CommandError(f"No account with e-mail address {email}.")
        try:
            mayor_seat_propose(by=None, user=person)
        except ValidationError as error:
            raise CommandError(" ".join(first_error(error))) from None
        self.stdout.write(
            f"{person.email} is proposed for the mayor's seat. It grants nothing until the "
            "data-protection officer confirms it on the table page of the case consultation."
        )
