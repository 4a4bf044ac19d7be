"""Signals, their categories, follow-ups and comments as records (samen/signals/models.py)."""

import datetime

import pytest
from django.db.models import ProtectedError
from django.utils import timezone, translation

from samen.audit.models import AuditRecord
from samen.signals.actions import signal_comment, signal_follow_up, signal_merge, signal_review
from samen.signals.models import Category, FollowUp, Signal, SignalImport

pytestmark = pytest.mark.django_db


def test_a_signal_is_named_by_its_number_and_counts_in_the_week_of_its_monday(
    personas, file_signal
):
    sunday_night = timezone.make_aware(datetime.datetime(2026, 11, 29, 23, 30))
    signal = file_signal(personas.frontline, personas.borgerhout, occurred_at=sunday_night)
    assert str(signal) == f"Signal {signal.pk}"
    assert signal.week == datetime.date(2026, 11, 23)
    signal.occurred_at = sunday_night + datetime.timedelta(hours=1)  # Monday
    signal.save()
    assert Signal.objects.get(pk=signal.pk).week == datetime.date(2026, 11, 30)


def test_signals_come_newest_first(personas, file_signal):
    now = timezone.now()
    older = file_signal(personas.frontline, personas.borgerhout, occurred_at=now - _days(3))
    newer = file_signal(personas.frontline, personas.borgerhout, occurred_at=now - _days(1))
    same_time = file_signal(personas.frontline, personas.borgerhout, occurred_at=now - _days(1))
    assert list(Signal.objects.all()) == [same_time, newer, older]


def test_a_merged_duplicate_no_longer_counts(personas, file_signal):
    first = file_signal(personas.frontline, personas.borgerhout)
    duplicate = file_signal(personas.frontline, personas.borgerhout)
    assert set(Signal.objects.counted()) == {first, duplicate}
    signal_merge(by=personas.coordinator, duplicate=duplicate, into=first)
    assert list(Signal.objects.counted()) == [first]
    assert list(first.duplicates.all()) == [duplicate]


def test_the_trail_keeps_that_the_text_changed_never_the_words(personas, file_signal):
    signal = file_signal(personas.frontline, personas.borgerhout)
    record = AuditRecord.objects.get_for_object(signal).get(action=AuditRecord.Action.CREATE)
    assert "Spanning tussen" not in str(record.changes)
    assert "week" not in record.changes


def test_follow_ups_and_comments_name_their_signal(personas, file_signal):
    signal = file_signal(personas.frontline, personas.borgerhout)
    signal_review(by=personas.coordinator, signal=signal)
    follow_up = signal_follow_up(
        by=personas.coordinator, signal=signal, kind=FollowUp.Kind.MEDIATION
    )
    assert str(follow_up) == f"mediation ({signal.pk})"
    assert follow_up.district == personas.borgerhout and follow_up.is_open
    comment = signal_comment(by=personas.coordinator, signal=signal, text="Opvolgen in maart.")
    assert str(comment) == f"Comment on signal {signal.pk}"
    assert list(signal.follow_ups.all()) == [follow_up]


def test_a_category_is_named_in_the_active_language_and_a_group_kept_while_it_has_any():
    racism = Category.objects.get(code="racism")
    assert str(racism) == "Racism and discrimination"
    with translation.override("nl"):
        assert str(racism) == "Racisme en discriminatie"
    with translation.override("fr"):
        assert str(racism) == "Racisme et discrimination"
    assert racism.parent.code == "polarisation" and racism.group == "polarisation"
    with pytest.raises(ProtectedError):
        racism.parent.delete()


def test_categories_are_ordered_by_group_then_their_order():
    groups = list(Category.objects.values_list("group", flat=True))
    assert groups == sorted(groups)
    life_domains = list(Category.objects.filter(parent__code="life_domain"))
    assert [c.order for c in life_domains] == sorted(c.order for c in life_domains)


def test_an_import_is_named_by_its_file_and_rows(personas):
    batch = SignalImport(file_name="week-48.csv", rows=12, imported_by=personas.analyst)
    assert str(batch) == "week-48.csv (12)"


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)
