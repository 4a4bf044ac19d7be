"""Dutch: Django's formats, with a day and its abbreviated month in lower case ("5 okt")."""

from django.conf.locale.nl.formats import *  # noqa: F403 - the whole set, a few replaced below

MONTH_DAY_FORMAT = "j b"
