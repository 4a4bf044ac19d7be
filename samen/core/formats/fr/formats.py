"""French: Django's formats, with a day and its abbreviated month ("5 oct.", "30 mars")."""

from django.conf.locale.fr.formats import *  # noqa: F403 - the whole set, a few replaced below

MONTH_DAY_FORMAT = "j N"
