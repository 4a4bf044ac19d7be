"""How long a mediation keeps its personal data, and when an idle one warns: the periods of
SAMEN_MEDIATION_RETENTION_YEARS and SAMEN_MEDIATION_IDLE_WARNING_MONTHS (see retention.py)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from samen.core.dates import add_months


def retention_years() -> int:
    """Return the configured period in whole years; refuse one under a year."""
    years = settings.SAMEN_MEDIATION_RETENTION_YEARS
    if years < 1:
        raise ImproperlyConfigured("SAMEN_MEDIATION_RETENTION_YEARS must be at least 1.")
    return years


def idle_warning_months() -> int:
    """Return the months of idleness before the warning; refuse one not inside the period."""
    months = settings.SAMEN_MEDIATION_IDLE_WARNING_MONTHS
    if not 1 <= months < 12 * retention_years():
        raise ImproperlyConfigured(
            "SAMEN_MEDIATION_IDLE_WARNING_MONTHS must be at least 1 and fewer than the "
            "months of SAMEN_MEDIATION_RETENTION_YEARS, or the warning would come too late."
        )
    return months


def _months_before(now: datetime.datetime | None, months: int) -> datetime.datetime:
    local = timezone.localtime(now or timezone.now())
    day = add_months(local.date(), -months)
    return local.replace(year=day.year, month=day.month, day=day.day)


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Return the moment before which a closing, or an open mediation's last activity, makes
    its personal data go."""
    return _months_before(now, 12 * retention_years())


def warning_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Return the moment before which an open mediation's last activity brings the warning."""
    return _months_before(now, idle_warning_months())


def idle_removal_on(mediation, now: datetime.datetime | None = None) -> datetime.date | None:
    """The day an open mediation idle past the warning period loses its party data, or None.

    From that day on a run removes it (the nightly one in the night after); any activity
    before then moves the day.
    """
    if mediation.is_closed or mediation.personal_data_removed_at is not None:
        return None
    if mediation.last_activity_at >= warning_cutoff(now):
        return None
    last = timezone.localtime(mediation.last_activity_at).date()
    # Past that day, and not yet removed (the nightly run has not come yet): the next run.
    return max(add_months(last, 12 * retention_years()), timezone.localdate(now))
