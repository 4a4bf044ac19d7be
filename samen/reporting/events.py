"""A report sent to other policy levels, told to the recipients' systems (samen.api.events).

The event says which report, for which year, its SHA-256 as signed off, and where to read it
through the API (statistics:read): the content itself is fetched with the organisation's own
token, so a webhook never carries more than that token may read.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy

from samen.api.events import add_event_kind, publish_event
from samen.reporting.models import LevelReport

PUBLISHED = add_event_kind("report.published", gettext_lazy("report published"))


def publish_sent(report: LevelReport) -> None:
    """Tell each recipient organisation's system, once per report."""
    base = settings.SAMEN_BASE_URL.rstrip("/")
    publish_event(
        PUBLISHED,
        {
            "report": report.pk,
            "year": report.year,
            "sha256": report.content_sha256,
            "sent_at": report.sent_at.isoformat(),
            "url": base + reverse("reporting_api:report", args=[report.pk]),
            "csv_url": base + reverse("reporting_api:report_csv", args=[report.pk]),
        },
        report.recipients.all(),
        key=f"{PUBLISHED}:{report.pk}",
    )
