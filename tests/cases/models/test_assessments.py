"""A signed assessment: a narrative per domain that never changes once signed, and no score,
level or rating anywhere in the case work's models."""

import datetime

import pytest
from django.apps import apps

from samen.cases.actions.assessments import assessment_sign
from samen.cases.models import DOMAINS, Assessment, SignedAssessmentError
from tests.cases import work_fixtures
from tests.cases.work_fixtures import NARRATIVES

pytestmark = pytest.mark.django_db
work = work_fixtures.work

SCORING_WORDS = ("score", "level", "risk", "total", "rating", "band", "recommend", "points")


def test_a_signed_assessment_never_changes(table, work):
    work.assessment.protective_factors = "Rewritten."
    with pytest.raises(SignedAssessmentError):
        work.assessment.save()
    work.assessment.refresh_from_db()
    assert work.assessment.protective_factors == NARRATIVES["protective_factors"]


def test_no_model_of_the_case_work_holds_a_score_or_level():
    for model in apps.get_app_config("cases").get_models():
        if model._meta.model_name not in {
            "assessment",
            "meeting",
            "agendaitem",
            "decision",
            "supportplan",
            "planaction",
            "planreview",
            "aftercarereview",
            "policeexchange",
            "attendance",
        }:
            continue
        for field in model._meta.get_fields():
            name = field.name.lower()
            assert not any(word in name for word in SCORING_WORDS), (model, name)
            assert not getattr(field, "choices", None) or model is not Assessment, field


def test_an_assessment_is_named_by_case_and_date_only(table, work):
    assert str(work.assessment) == f"{table.case.pk}: {work.assessment.assessed_on.isoformat()}"
    assert NARRATIVES["beliefs"] not in str(work.assessment)


def test_the_latest_assessment_comes_first(table, work):
    later = assessment_sign(
        by=table.invited,
        case=table.case,
        assessed_on=work.assessment.assessed_on + datetime.timedelta(days=1),
        narratives=dict(NARRATIVES),
    )
    assert list(table.case.assessments.all()) == [later, work.assessment]


def test_every_domain_is_a_field_of_the_assessment():
    fields = {field.name for field in Assessment._meta.get_fields()}
    assert {name for name, _label in DOMAINS} <= fields
    assert DOMAINS[-1][0] == "protective_factors"
