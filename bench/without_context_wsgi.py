"""The district context benchmark's comparison server: place pages without the context section.

What the context section costs is the district page with it against the same page without
it. The product has no switch for that; this entry point, which only
bench/district_context.py starts, makes the indicators' panel return nothing in its own
processes. bench/district_context.py checks before loading that this server's page has no
context section and the other one's has, so that the comparison cannot compare nothing.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
application = get_wsgi_application()

from samen.indicators import panels  # noqa: E402 - the apps must be ready first


def _no_context(place):
    return None


panels.context_for = _no_context
