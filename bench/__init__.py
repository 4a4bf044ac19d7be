"""Benchmarks of Samen: scripts, and the Django app and settings their servers add.

Never part of the installed product (pyproject.toml packages only samen*): a server runs it
from a checkout, with the project root on PYTHONPATH and DJANGO_SETTINGS_MODULE=bench.settings.
"""
