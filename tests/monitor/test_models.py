"""The weekly counts and the tension levels as records (samen/monitor/models.py)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from samen.audit.models import AuditRecord
from samen.monitor.actions import tension_level_set
from samen.monitor.models import TensionLevel, WeeklyCount
from samen.signals.models import Category

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 30)


def test_one_count_per_place_week_and_category_and_one_for_all_categories(personas):
    youth = Category.objects.get(code="youth-groups")
    place = personas.borgerhout
    overall = WeeklyCount.objects.create(place=place, week=MONDAY, count=3, weighted=7)
    per_category = WeeklyCount.objects.create(place=place, week=MONDAY, category=youth, count=2)
    assert str(overall) == f"{place.pk} 2026-11-30 *: 3"
    assert str(per_category) == f"{place.pk} 2026-11-30 {youth.pk}: 2"
    for category in (None, youth):
        with pytest.raises(IntegrityError), transaction.atomic():
            WeeklyCount.objects.create(place=place, week=MONDAY, category=category)
    WeeklyCount.objects.create(place=place, week=MONDAY - datetime.timedelta(weeks=1))
    assert WeeklyCount.objects.filter(place=place, category=None).count() == 2


def test_levels_come_latest_week_first_then_latest_judgement(personas):
    def judge(week, level):
        return tension_level_set(
            by=personas.coordinator,
            place=personas.borgerhout,
            week=week,
            level=level,
            rationale="Rustig op het plein.",
        )

    earlier_week = judge(MONDAY - datetime.timedelta(weeks=1), 1)
    first = judge(MONDAY, 2)
    second = judge(MONDAY, 3)
    assert list(TensionLevel.objects.all()) == [second, first, earlier_week]
    assert str(second) == "Borgerhout 2026-11-30: 3"


def test_every_judgement_is_in_the_trail_with_who_made_it(personas):
    level = tension_level_set(
        by=personas.coordinator,
        place=personas.borgerhout,
        week=MONDAY,
        level=2,
        rationale="Meer onrust op het plein.",
    )
    record = AuditRecord.objects.get_for_object(level).get()
    assert record.action == AuditRecord.Action.CREATE and record.actor == personas.coordinator
    assert record.changes["level"] == ["None", "2"]
