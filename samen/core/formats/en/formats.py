"""English as written in Europe: day before month, 24-hour clock, weeks from Monday."""

from django.conf.locale.en_GB.formats import *  # noqa: F403 - the whole set, a few replaced below

DATE_FORMAT = "j F Y"  # 5 October 2026
TIME_FORMAT = "H:i"  # 14:30
DATETIME_FORMAT = "j F Y H:i"  # 5 October 2026 14:30
SHORT_DATETIME_FORMAT = "d/m/Y H:i"  # 05/10/2026 14:30
MONTH_DAY_FORMAT = "j M"  # 5 Oct
