"""Retention: signal text, comments and follow-up notes go after the period; counts stay."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from samen.audit.models import AuditRecord
from samen.monitor.models import WeeklyCount
from samen.signals.actions import signal_comment
from samen.signals.models import Comment, FollowUp, Signal
from samen.signals.retention import expired, retention_cutoff, signal_text_purge
from tests.signals.conftest import NOW, local, purge_records

pytestmark = pytest.mark.django_db


def test_cutoff_counts_calendar_months_back_in_local_time():
    assert retention_cutoff(NOW) == local(2024, 8, 1, 4, 0)
    with override_settings(SAMEN_SIGNAL_RETENTION_MONTHS=1):
        assert retention_cutoff(local(2026, 3, 31, 12, 0)) == local(2026, 2, 28, 12, 0)
    with override_settings(SAMEN_SIGNAL_RETENTION_MONTHS=24):
        assert retention_cutoff(local(2028, 2, 29, 12, 0)) == local(2026, 2, 28, 12, 0)
    with override_settings(SAMEN_SIGNAL_RETENTION_MONTHS=0), pytest.raises(ImproperlyConfigured):
        retention_cutoff(NOW)


def test_old_text_goes_and_the_counts_and_fields_stay(history):
    old, young = history["old"], history["young"]
    counts = set(WeeklyCount.objects.values_list("place", "week", "category", "count"))

    assert signal_text_purge(by=None, now=NOW) == 1

    old.refresh_from_db()
    assert old.text == "" and old.text_purged_at == NOW
    assert (old.severity, old.district_id, old.status) == (
        2,
        history["old"].district_id,
        "followed_up",
    )
    assert list(old.categories.values_list("code", flat=True)) == ["racism"]
    assert Comment.objects.get(signal=old).text == ""
    assert FollowUp.objects.get(signal=old).note == ""
    assert set(WeeklyCount.objects.values_list("place", "week", "category", "count")) == counts
    assert {count for *_key, count in counts} == {2}  # both signals still counted

    young.refresh_from_db()
    assert young.text == "Recente spanning." and young.text_purged_at is None
    assert Comment.objects.get(signal=young).text == "Nog op te volgen."


def test_one_audit_record_says_what_went(history, personas):
    before = AuditRecord.objects.count()
    signal_text_purge(by=personas.admin, now=NOW)
    assert AuditRecord.objects.count() == before + 1
    record = purge_records().get()
    assert record.actor == personas.admin
    assert record.content_type.model == "signal"
    summary = record.additional_data["retention"]
    assert summary["signals"] == 1 and summary["comments"] == 1
    assert summary["follow_up_notes"] == 1 and summary["months"] == 24
    assert summary["cutoff"] == local(2024, 8, 1, 4, 0).isoformat()
    assert set(record.changes) == {"text", "comments.text", "follow_ups.note"}
    assert "Oude spanning" not in str(record.changes) + str(record.additional_data)
    assert "2024-08-01" in record.object_repr


def test_running_twice_purges_nothing_new(history):
    assert signal_text_purge(by=None, now=NOW) == 1
    first = Signal.objects.get(pk=history["old"].pk).text_purged_at
    assert signal_text_purge(by=None, now=NOW + datetime.timedelta(hours=1)) == 0
    assert Signal.objects.get(pk=history["old"].pk).text_purged_at == first
    latest = purge_records().latest("pk").additional_data["retention"]
    assert (latest["signals"], latest["comments"], latest["follow_up_notes"]) == (0, 0, 0)
    assert purge_records().count() == 2  # every run leaves its trace, empty or not


def test_a_comment_written_after_the_purge_goes_at_the_next_run(history, personas):
    signal_text_purge(by=None, now=NOW)
    late = signal_comment(by=personas.frontline, signal=history["old"], text="Nog een opmerking.")
    assert expired(NOW).comments == 1
    signal_text_purge(by=None, now=NOW)
    late.refresh_from_db()
    assert late.text == "" and late.text_purged_at is not None


def test_a_shorter_period_reaches_younger_signals(history):
    with override_settings(SAMEN_SIGNAL_RETENTION_MONTHS=6):
        assert signal_text_purge(by=None, now=NOW) == 2


def test_no_purged_words_remain_in_the_audit_trail(history):
    signal_text_purge(by=None, now=NOW)
    trail = " ".join(str(r.changes) for r in AuditRecord.objects.all())
    for words in ("Oude spanning", "Buurtwerker ging langs", "Gesprek gepland"):
        assert words not in trail
