"""Drawing, signing off and sending a report to other levels: each step a named action with its
audit record; a second person signs off; what is signed is what is sent."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from samen.audit.models import AuditRecord
from samen.reporting.actions import (
    draw_due_report,
    due_year,
    level_report_draw,
    level_report_send,
    level_report_sign_off,
)
from samen.reporting.models import LevelReport


def audited(report, actor, action) -> bool:
    return AuditRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(LevelReport),
        object_pk=str(report.pk),
        action=action,
        actor=actor,
    ).exists()


def test_an_analyst_draws_a_draft_with_its_hash_and_audit_record(personas):
    report = level_report_draw(by=personas.analyst, year=2025)
    assert report.status == LevelReport.Status.DRAFT
    assert report.drawn_by == personas.analyst
    assert len(report.content_sha256) == 64
    assert audited(report, personas.analyst, LogEntry.Action.CREATE)


def test_drawing_again_replaces_the_draft(personas):
    first = level_report_draw(by=personas.analyst, year=2025)
    again = level_report_draw(by=personas.admin, year=2025)
    assert again.pk == first.pk
    assert LevelReport.objects.count() == 1
    assert again.drawn_by == personas.admin


@pytest.mark.parametrize("year", [2019, 2099, "2025"])
def test_a_year_out_of_range_is_refused_and_nothing_is_stored(personas, year):
    with pytest.raises(ValidationError) as refused:
        level_report_draw(by=personas.analyst, year=year)
    assert "year" in refused.value.message_dict
    assert not LevelReport.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "frontline", "prevention", "partner", "dpo"])
def test_only_analysts_and_administrators_draw(personas, role):
    with pytest.raises(PermissionDenied):
        level_report_draw(by=getattr(personas, role), year=2025)


def test_who_drew_a_draft_does_not_sign_it_off(personas):
    report = level_report_draw(by=personas.analyst, year=2025)
    with pytest.raises(PermissionDenied):
        level_report_sign_off(by=personas.analyst, report=report)
    signed = level_report_sign_off(by=personas.admin, report=report)
    assert signed.status == LevelReport.Status.SIGNED_OFF
    assert signed.signed_off_by == personas.admin
    assert audited(signed, personas.admin, LogEntry.Action.UPDATE)


def test_a_signed_off_report_is_never_drawn_again(personas):
    report = level_report_draw(by=None, year=2025)
    level_report_sign_off(by=personas.analyst, report=report)
    with pytest.raises(ValidationError):
        level_report_draw(by=personas.analyst, year=2025)


def test_a_changed_content_is_refused_at_sign_off(personas):
    report = level_report_draw(by=None, year=2025)
    LevelReport.objects.filter(pk=report.pk).update(content={"year": 2025, "sections": []})
    with pytest.raises(ValidationError):
        level_report_sign_off(by=personas.analyst, report=report)
    report.refresh_from_db()
    assert report.status == LevelReport.Status.DRAFT


def test_a_signed_report_is_sent_to_partners_at_other_levels(personas, partners):
    report = level_report_sign_off(
        by=personas.analyst, report=level_report_draw(by=None, year=2025)
    )
    sent = level_report_send(by=personas.analyst, report=report, recipients=[partners.flemish])
    assert sent.status == LevelReport.Status.SENT
    assert list(sent.recipients.all()) == [partners.flemish]
    assert sent.content_sha256 == report.content_sha256
    assert audited(sent, personas.analyst, LogEntry.Action.UPDATE)


def test_a_draft_is_not_sent(personas, partners):
    report = level_report_draw(by=None, year=2025)
    with pytest.raises(PermissionDenied):
        level_report_send(by=personas.analyst, report=report, recipients=[partners.flemish])


@pytest.mark.parametrize("chosen", ["none", "city"])
def test_a_report_goes_only_to_partners_at_other_levels(personas, partners, chosen):
    report = level_report_sign_off(
        by=personas.analyst, report=level_report_draw(by=None, year=2025)
    )
    recipients = [] if chosen == "none" else [partners.city]
    with pytest.raises(ValidationError) as refused:
        level_report_send(by=personas.analyst, report=report, recipients=recipients)
    assert "recipients" in refused.value.message_dict
    report.refresh_from_db()
    assert report.status == LevelReport.Status.SIGNED_OFF
    assert not report.recipients.exists()


@pytest.mark.parametrize(
    "today, year",
    [
        (datetime.date(2026, 1, 14), None),
        (datetime.date(2026, 1, 15), 2025),
        (datetime.date(2026, 12, 31), 2025),
    ],
)
def test_the_schedule_draws_last_years_report_from_15_january(today, year):
    assert due_year(today) == year


def test_the_daily_run_draws_once(personas):
    with time_machine.travel(datetime.datetime(2026, 1, 20, 12, tzinfo=datetime.UTC), tick=False):
        first = draw_due_report()
        second = draw_due_report()
    assert first is not None and first.year == 2025 and first.drawn_by is None
    assert second is None
    assert LevelReport.objects.count() == 1
