#!/usr/bin/env python3
"""Django's command-line utility; `samen` wraps the common commands."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samen.settings")
    # manage.py is the developer's tool: without a SECRET_KEY it runs with local debug
    # settings. Servers use `samen serve`, which never falls back like this.
    if "SECRET_KEY" not in os.environ:
        os.environ.setdefault("SAMEN_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
