"""Storage limits of cases: when a closed case's content goes, and the run that removes it.

A closed case is kept SAMEN_CASE_RETENTION_YEARS (default 5) after closing, or
SAMEN_CASE_RETENTION_NO_FOLLOW_UP_YEARS (default 1) when no follow-up was needed. When that
day has passed, the run anonymises it: the person, invitations, corrections and narrative go;
the reference, dates, age band and extremism type stay for the counts. Rejected referrals
lose their person after SAMEN_CASE_REFERRAL_RETENTION_DAYS (default 365). Each run writes one
audit record with numbers only.
"""

from __future__ import annotations

import datetime

from django.conf import settings


def retention_years(follow_up_needed: bool) -> int:
    if follow_up_needed:
        return int(getattr(settings, "SAMEN_CASE_RETENTION_YEARS", 5))
    return int(getattr(settings, "SAMEN_CASE_RETENTION_NO_FOLLOW_UP_YEARS", 1))


def retain_until_for(closed_on: datetime.date, follow_up_needed: bool) -> datetime.date:
    """The last day a case closed on `closed_on` is kept."""
    years = retention_years(follow_up_needed)
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:  # 29 February
        return closed_on.replace(year=closed_on.year + years, day=28)


def referral_retention_days() -> int:
    return int(getattr(settings, "SAMEN_CASE_REFERRAL_RETENTION_DAYS", 365))
