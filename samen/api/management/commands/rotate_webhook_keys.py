from django.core.management.base import BaseCommand

from samen.api.actions import webhook_keys_rotate


class Command(BaseCommand):
    help = "Re-encrypt webhook signing secrets with the newest key in SAMEN_WEBHOOK_KEYS."

    def handle(self, *args, **options):
        rotated = webhook_keys_rotate(by=None)
        self.stdout.write(f"{rotated} webhook secret(s) re-encrypted with the newest key.")
