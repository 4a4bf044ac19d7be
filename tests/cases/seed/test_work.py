"""The case work's demo data, on the core's table."""

import pytest

from samen.cases.models import AftercareReview, AgendaItem, Assessment, PoliceExchange, SupportPlan
from samen.cases.seed.work import seed_case_work
from samen.core.seeding import SeedRun

pytestmark = pytest.mark.django_db


def test_the_seed_adds_meetings_assessments_plans_and_police_facts(table):
    lines = []
    seed_case_work(SeedRun(seed=1, staff=0, places_dir=None, out=lines.append))
    assert AgendaItem.objects.exclude(minutes="").exists()
    assert Assessment.objects.filter(case=table.case).count() == 2
    assert SupportPlan.objects.filter(case=table.case, closed_on__isnull=False).exists()
    assert AftercareReview.objects.count() == 2
    assert PoliceExchange.objects.exists()
    assert lines and "Case work" in lines[-1]


def test_without_a_table_the_seed_adds_nothing(db):
    lines = []
    seed_case_work(SeedRun(seed=1, staff=0, places_dir=None, out=lines.append))
    assert not AgendaItem.objects.exists() and lines
