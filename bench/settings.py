"""The benchmark servers' settings: Samen's production settings, and what a benchmark adds.

Only the scripts in bench/ use it (DJANGO_SETTINGS_MODULE=bench.settings, the project root on
PYTHONPATH); nothing of it is in the installed product.
"""

from samen.settings import *  # noqa: F403
from samen.settings import INSTALLED_APPS

# The baselines a page and the API's intake are measured against (bench/urls.py), and the
# table of the bare insert.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"

# gunicorn on 127.0.0.1 over plain http, without a TLS proxy in front.
SECURE_SSL_REDIRECT = False

# The intake benchmark sends hundreds of signals a second with one token, far beyond what a
# person may. The throttles still count every request (their cost is part of the figures);
# per second, so that each one's history stays as short as in production.
SAMEN_API_RATE_PERSON = "1000000/s"
SAMEN_API_RATE_TOKEN = "1000000/s"  # noqa: S105 - a rate, not a secret
