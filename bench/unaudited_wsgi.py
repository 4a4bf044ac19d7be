"""The case page benchmark's comparison server: Samen without the write of a case read.

What a read of a case page costs is the audited page against the same page without the
access record. The product has no way to leave it out (samen.cases.access.cases records every
read); this entry point, which only bench/case_page.py starts, replaces the recording in its
own process. bench/case_page.py checks before loading that this server writes no access
record and the other one exactly one per read, so a change in the product cannot make the
comparison silently compare nothing.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
application = get_wsgi_application()

from samen.cases.access import cases as case_access  # noqa: E402 - the apps must be ready first


def _not_recorded(**kwargs) -> None:
    return None


case_access.record_read = _not_recorded
