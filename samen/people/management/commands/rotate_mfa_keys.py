from django.core.management.base import BaseCommand

from samen.people.actions import second_factor_keys_rotate


class Command(BaseCommand):
    help = "Re-encrypt second-factor secrets with the newest key in SAMEN_MFA_KEYS."

    def handle(self, *args, **options):
        rotated = second_factor_keys_rotate(by=None)
        self.stdout.write(f"{rotated} second factor(s) re-encrypted with the newest key.")
