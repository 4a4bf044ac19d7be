from django.core.management.base import BaseCommand

from samen.peers.actions import peer_keys_rotate


class Command(BaseCommand):
    help = "Re-encrypt the tokens of other cities' Samen with the newest key in SAMEN_PEER_KEYS."

    def handle(self, *args, **options):
        rotated = peer_keys_rotate(by=None)
        self.stdout.write(f"{rotated} token(s) of other cities re-encrypted with the newest key.")
