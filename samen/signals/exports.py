"""Exports of signal rows as CSV and XLSX (the files are samen.exports.files'), and the access
record every signal export writes.

Signal rows follow the list's rule: `check_may_export`, then `visible_signals` narrowed by the
list's filters; each export writes one access record to the audit trail. The statistics for
other policy levels live in samen.signals.statistics.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from auditlog.cid import get_cid
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samen.audit.models import AuditRecord
from samen.exports.files import XLSX_MAX_ROWS, csv_lines, xlsx_file
from samen.places.models import Place, without_boundaries
from samen.signals.access import (
    check_may_export,
    visible_signals,
)
from samen.signals.filters import SignalFilterForm
from samen.signals.models import Category, Signal

CHUNK = 500


# --- The export record ---------------------------------------------------------------------------


def record_export(
    *, by, request: HttpRequest | None, what: str, params: dict, details: dict
) -> AuditRecord:
    """Write the one access record of an export: who, when, from where, what and how many rows.

    `what` is an untranslated message (gettext_noop); the trail holds it in the city's own
    language whatever the reader's, so that one search finds every export. `by` is None when
    a partner organisation's token asked (the API's statistics): `details` then name it.
    """
    with translation.override(settings.LANGUAGE_CODE):
        what = _(what) % params
    data = {"what": what, "export": details}
    if request is not None:
        data.update(path=request.get_full_path()[:500], method=request.method)
    return AuditRecord.objects.create(
        content_type=ContentType.objects.get_for_model(Signal),
        object_pk="",
        object_repr=what,
        action=AuditRecord.Action.ACCESS,
        actor=by,
        actor_email=by.email if by is not None else None,
        remote_addr=request.META.get("REMOTE_ADDR") if request is not None else None,
        additional_data=data,
        cid=get_cid(),
    )


# --- Signal rows --------------------------------------------------------------------------------

SIGNAL_FIELDS = ["occurred_at", "district", "neighbourhood", "categories", "severity"]
SIGNAL_FIELDS += ["source_type", "information_class", "confidence", "status", "merged_into", "text"]


def signal_header() -> list[str]:
    """Return the column names in the active language: the fields' own names where they exist."""
    fields = [capfirst(Signal._meta.get_field(name).verbose_name) for name in SIGNAL_FIELDS]
    return [_("Number"), *fields]


@dataclass
class SignalExport:
    """The signals one person may export with their filters, counted and recorded."""

    signals: QuerySet
    rows: int
    language: str

    def lines(self) -> Iterator[list]:
        """Yield one row per signal, newest first, reading the database in chunks."""
        signals = (
            without_boundaries(self.signals, "district", "neighbourhood")
            .prefetch_related("categories")
            .order_by("-occurred_at", "-pk")
        )
        for signal in signals.iterator(chunk_size=CHUNK):
            yield [
                signal.pk,
                timezone.localtime(signal.occurred_at).replace(tzinfo=None),
                signal.district.name,
                signal.neighbourhood.name if signal.neighbourhood else "",
                "; ".join(sorted(c.name for c in signal.categories.all())),
                signal.get_severity_display(),
                signal.get_source_type_display(),
                signal.get_information_class_display(),
                signal.get_confidence_display(),
                signal.get_status_display(),
                signal.merged_into_id,
                "" if signal.text_purged_at else signal.text,
            ]

    def csv(self) -> Iterator[str]:
        """Yield the export as CSV text."""
        return csv_lines(signal_header(), self.lines(), self.language)

    def xlsx(self) -> IO[bytes]:
        """Return the export as a rewound temporary XLSX file."""
        return xlsx_file([(_("Signals"), signal_header(), self.lines())])


def _filters_for_record(form: SignalFilterForm) -> dict:
    """Return the chosen filters as plain values, with the weeks they meant that day."""
    chosen = {}
    for name, value in form.cleaned_data.items():
        if value in (None, ""):
            continue
        if isinstance(value, Place | Category):
            value = value.code
        chosen[name] = value.isoformat() if isinstance(value, datetime.date) else value
    period = form.chosen_period
    chosen["weeks"] = [period.first.isoformat(), period.last.isoformat()]
    return chosen


def signal_export(user, params, *, request: HttpRequest | None, file_format: str) -> SignalExport:
    """Check access and filters, count the rows, and record the export in the audit trail."""
    check_may_export(user)
    form = SignalFilterForm(params)
    if not form.is_valid():
        raise ValidationError([m for messages in form.errors.values() for m in messages])
    signals = form.apply(visible_signals(Signal.objects.all(), user))
    rows = signals.count()
    if file_format == "xlsx" and rows > XLSX_MAX_ROWS:
        raise ValidationError(
            _("A spreadsheet holds at most %(limit)s rows: narrow the filters or choose CSV.")
            % {"limit": XLSX_MAX_ROWS}
        )
    details = {
        "format": file_format,
        "rows": rows,
        "filters": _filters_for_record(form),
        "role": user.role,
        "home_district": user.home_district.code if user.home_district_id else None,
    }
    record_export(
        by=user,
        request=request,
        what=gettext_noop("Export of %(rows)s signals (%(format)s)"),
        params={"rows": rows, "format": file_format},
        details=details,
    )
    return SignalExport(signals=signals, rows=rows, language=translation.get_language())
