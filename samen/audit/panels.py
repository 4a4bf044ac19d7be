"""What the audit module adds to the navigation and the home page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.audit.access import TRAIL_READER_ROLE
from samen.audit.models import AuditRecord
from samen.audit.reads import LIST_READ
from samen.core.navigation import add_nav_item, add_panel

add_nav_item(_("Audit trail"), "audit:trail", roles=[TRAIL_READER_ROLE], order=80)

LATEST = 10
# The home page looks this far back, read from the trail's index on the moment: the latest
# reads stay in view, and the page costs the same however long the trail grows. Older reads
# are found with the search.
WINDOW_DAYS = 7


@dataclass(frozen=True)
class ListRead:
    """The rows of one list one person was shown: one line for the many access records."""

    actor_email: str | None
    timestamp: datetime.datetime
    rows: int
    kind: str
    path: str


# The rows of lists, and everything else: a record without additional data, or without a
# `what`, is a read of one record too.
LIST_ROWS = Q(additional_data__what=LIST_READ)
NOT_LIST_ROWS = Q(additional_data__isnull=True) | Q(additional_data__what__isnull=True) | ~LIST_ROWS


def latest_single_reads(records: QuerySet, limit: int = LATEST) -> list:
    """The latest reads of one record at a time (a page, a document, an export), not rows of
    a list."""
    singles = records.filter(NOT_LIST_ROWS)
    return list(singles.select_related("actor").order_by("-timestamp", "-pk")[:limit])


def _kind(content_type_id: int, rows: int) -> str:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return ""
    return str(model._meta.verbose_name if rows == 1 else model._meta.verbose_name_plural)


def latest_list_reads(records: QuerySet, limit: int = LATEST) -> list[ListRead]:
    """The latest lists shown, one per person, request and kind of record, with their rows
    counted.

    record_reads writes the rows of one list with one moment and one correlation id, so they
    group on those. The latest moments are found first, so that the counting reads only the
    records of the lists shown, however long the trail.
    """
    lists = records.filter(LIST_ROWS)
    moments = list(
        lists.order_by("-timestamp").values_list("timestamp", flat=True).distinct()[:limit]
    )
    if not moments:
        return []
    groups = (
        lists.filter(timestamp__gte=moments[-1])
        .values("actor_email", "cid", "timestamp", "content_type_id")
        .annotate(rows=Count("pk"), path=KeyTextTransform("path", "additional_data"))
        .order_by("-timestamp", "actor_email")
    )
    return [
        ListRead(
            actor_email=group["actor_email"],
            timestamp=group["timestamp"],
            rows=group["rows"],
            kind=_kind(group["content_type_id"], group["rows"]),
            path=group["path"] or "",
        )
        for group in groups[:limit]
    ]


@add_panel("home", "audit/panels/home.html", roles=[TRAIL_READER_ROLE], order=20)
def recent_reads(request):
    """The data-protection officer's view of the latest confidential reads: records opened
    one by one, and lists summarised to one line each, so that lists do not crowd them out."""
    since = timezone.now() - datetime.timedelta(days=WINDOW_DAYS)
    reads = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS, timestamp__gte=since)
    return {
        "reads": latest_single_reads(reads),
        "lists": latest_list_reads(reads),
        "window_days": WINDOW_DAYS,
    }
