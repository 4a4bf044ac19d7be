"""The CSV export of mediations: anonymous facts only, never a party detail, for anyone."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from samen.exports.files import csv_lines
from samen.places.models import without_boundaries

HEADER = [
    _("Number"),
    _("Kind of conflict"),
    _("District"),
    _("Neighbourhood"),
    _("Status"),
    _("Opened"),
    _("Mediator assigned"),
    _("Parties"),
    pgettext_lazy("mediation", "Sessions"),
    _("Closed"),
    _("Outcome"),
    _("Aftercare check due"),
    _("Aftercare check done"),
    _("Aftercare check result"),
]


def _day(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def _rows(mediations: QuerySet) -> Iterator[list]:
    counted = without_boundaries(mediations, "district", "neighbourhood").annotate(
        party_count=Count("parties", distinct=True), session_count=Count("sessions", distinct=True)
    )
    for m in counted.order_by("pk").iterator(chunk_size=500):
        yield [
            m.pk,
            m.get_kind_display(),
            m.district.name,
            m.neighbourhood.name if m.neighbourhood_id else "",
            m.get_status_display(),
            _day(m.created_at),
            _day(m.assigned_at),
            m.party_count,
            m.session_count,
            _day(m.closed_at),
            m.get_outcome_display(),
            m.aftercare_due.isoformat() if m.aftercare_due else "",
            _day(m.aftercare_done_at),
            m.get_aftercare_result_display(),
        ]


def mediation_csv(mediations: QuerySet) -> Iterator[str]:
    """The lines of a CSV file of these mediations, in the reader's language."""
    return csv_lines(HEADER, _rows(mediations), get_language() or "nl")
