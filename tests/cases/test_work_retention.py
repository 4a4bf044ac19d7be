"""When a case is anonymised, its case work goes too; meetings, which name no case, stay."""

import pytest
from django.utils import timezone

from samen.cases import retention
from samen.cases.actions.assessments import assessment_sign
from samen.cases.models import (
    AftercareReview,
    AgendaItem,
    Assessment,
    Decision,
    Meeting,
    PlanAction,
    PoliceExchange,
    SupportPlan,
)
from samen.cases.retention import anonymise_case_work
from tests.cases import work_fixtures

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def test_anonymising_removes_the_case_work_of_those_cases_only(table, work):
    assessment_sign(
        by=table.other_member,
        case=table.other_case,
        assessed_on=timezone.localdate(),
        narratives=work_fixtures.NARRATIVES,
    )
    anonymise_case_work([table.case.pk])
    assert not Assessment.objects.filter(case=table.case).exists()
    assert Assessment.objects.filter(case=table.other_case).exists()
    assert not SupportPlan.objects.exists() and not PlanAction.objects.exists()
    assert not PoliceExchange.objects.exists() and not AftercareReview.objects.exists()
    assert not AgendaItem.objects.filter(case=table.case).exists()
    assert not PlanAction.objects.exists()
    assert AgendaItem.objects.filter(case=table.other_case).exists()
    assert Decision.objects.filter(item__case=table.other_case).exists()
    assert Meeting.objects.filter(pk=work.meeting.pk).exists()


def test_the_retention_run_removes_the_case_work_of_an_expired_case(table, work):
    assert anonymise_case_work in retention.ANONYMISERS
    table.case.status = table.case.Status.CLOSED
    table.case.retain_until = timezone.localdate() - timezone.timedelta(days=1)
    table.case.save(update_fields=["status", "retain_until"])
    assert AgendaItem.objects.filter(case=table.case).exists()

    run = retention.case_retention_run(by=None)

    assert run.cases == 1
    assert not AgendaItem.objects.filter(case=table.case).exists()
    assert not SupportPlan.objects.filter(case=table.case).exists()
    assert AgendaItem.objects.filter(case=table.other_case).exists()


def test_removing_a_case_removes_its_case_work(table, work):
    from samen.cases.actions.cases import case_remove

    case_remove(by=table.mayor, case=table.case)
    assert not AgendaItem.objects.filter(pk=work.item_a.pk).exists()
    assert not Assessment.objects.exists() and not SupportPlan.objects.exists()
    assert not PoliceExchange.objects.exists()
    assert AgendaItem.objects.filter(pk=work.item_b.pk).exists()
