"""Re-encrypt every encrypted case value with the newest key, and renew the name index."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samen.cases import crypto
from samen.cases.rotation import rotate_case_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt case data with the first key of SAMEN_CASE_KEYS (the newest) and recompute "
        "the name index with SAMEN_CASE_INDEX_KEY. Old keys can be removed afterwards."
    )

    def handle(self, *args, **options):
        problems = crypto.key_problems()
        if problems and not crypto.development_mode():
            raise CommandError(" ".join(problems))
        counts = rotate_case_keys(by=None)
        self.stdout.write(
            _("Re-encrypted %(rows)s rows with the newest key.") % {"rows": sum(counts.values())}
        )
