"""Every write of the reports to other levels, each a named action with its audit record."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.people.models import Organisation, PolicyLevel
from samen.reporting import content, events
from samen.reporting.access import check_may_draw, check_may_send, check_may_sign_off
from samen.reporting.models import LevelReport

FIRST_YEAR = 2020
# The levels a report goes up to: every level but the city's own.
OTHER_LEVELS = (PolicyLevel.FEDERAL, PolicyLevel.FLEMISH, PolicyLevel.WALLOON)


def recipients_offered():
    """The organisations a report may be sent to: active partners at another policy level."""
    return Organisation.objects.filter(is_active=True, policy_level__in=OTHER_LEVELS)


def _check_year(year, errors: FieldErrors) -> None:
    last = timezone.localdate().year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= last:
        errors.add("year", _("Choose a year from %(first)s to %(last)s.") % {
            "first": FIRST_YEAR, "last": last})  # fmt: skip


@action
def level_report_draw(*, by, year: int) -> LevelReport:
    """Draw the year's report from the sections as they stand: a new draft, or the year's draft
    drawn again. A signed-off or sent report is never drawn again. `by` None: the schedule."""
    if by is not None:
        check_may_draw(by)
    errors = FieldErrors()
    _check_year(year, errors)
    errors.raise_if_any()
    report = LevelReport.objects.select_for_update().filter(year=year).first()
    if report is not None and report.status != LevelReport.Status.DRAFT:
        errors.add("year", _("This year's report is signed off: it is no longer drawn again."))
        errors.raise_if_any()
    drawn = content.draw(year)
    if report is None:
        report = LevelReport(year=year)
    report.content = drawn
    report.content_sha256 = content.sha256_of(drawn)
    report.drawn_at = timezone.now()
    report.drawn_by = by
    report.save()
    return report


def _check_unchanged(report: LevelReport) -> None:
    if content.sha256_of(report.content) != report.content_sha256:
        raise ValidationError(
            _("The stored report differs from the one drawn: it is refused. Tell an administrator.")
        )


@action
def level_report_sign_off(*, by, report: LevelReport) -> LevelReport:
    """Sign a draft off (someone other than who drew it): its content is the report from here on."""
    report = LevelReport.objects.select_for_update().get(pk=report.pk)
    check_may_sign_off(by, report)
    _check_unchanged(report)
    report.status = LevelReport.Status.SIGNED_OFF
    report.signed_off_by = by
    report.signed_off_at = timezone.now()
    report.save()
    return report


@action
def level_report_send(*, by, report: LevelReport, recipients) -> LevelReport:
    """Send a signed-off report, as signed, to partner organisations at other levels: they read
    it in Samen and through the API from now on."""
    report = LevelReport.objects.select_for_update().get(pk=report.pk)
    check_may_send(by, report)
    errors = FieldErrors()
    chosen = list(recipients)
    offered = set(recipients_offered().values_list("pk", flat=True))
    if not chosen:
        errors.add("recipients", _("Choose at least one organisation to send the report to."))
    elif any(org.pk not in offered for org in chosen):
        errors.add("recipients", _("A report goes only to active partners at another level."))
    errors.raise_if_any()
    _check_unchanged(report)
    report.status = LevelReport.Status.SENT
    report.sent_by = by
    report.sent_at = timezone.now()
    report.save()
    report.recipients.set(chosen)
    events.publish_sent(report)
    return report


def due_year(today: datetime.date) -> int | None:
    """The year whose report the schedule draws on `today`: last year's, from 15 January."""
    return today.year - 1 if today >= datetime.date(today.year, 1, 15) else None


def draw_due_report(today: datetime.date | None = None) -> LevelReport | None:
    """Draw last year's draft if it does not exist yet (the schedule's daily run)."""
    year = due_year(today or timezone.localdate())
    if year is None or year < FIRST_YEAR or LevelReport.objects.filter(year=year).exists():
        return None
    return level_report_draw(by=None, year=year)
