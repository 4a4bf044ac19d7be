"""Structured professional judgement: protective factors required, a named signer, corrections
as new assessments, and no rating on the pages (the model itself is held by
models/test_assessments.py, what changed is shown by sections/test_assessment_changes.py)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.cases.actions.assessments import assessment_sign
from samen.cases.models import Assessment
from tests.cases import work_fixtures
from tests.cases.conftest import sign_in
from tests.cases.work_fixtures import NARRATIVES

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def test_protective_factors_are_required(table):
    narratives = {**NARRATIVES, "protective_factors": "   "}
    with pytest.raises(ValidationError) as refused:
        assessment_sign(
            by=table.invited,
            case=table.case,
            assessed_on=timezone.localdate(),
            narratives=narratives,
        )
    assert "protective_factors" in refused.value.message_dict
    assert not Assessment.objects.exists()


def test_a_named_member_signs(table):
    assessment = assessment_sign(
        by=table.invited, case=table.case, assessed_on=timezone.localdate(), narratives=NARRATIVES
    )
    assert assessment.signed_by == table.invited and assessment.signed_at is not None
    with pytest.raises(ValidationError):
        assessment_sign(
            by=None, case=table.case, assessed_on=timezone.localdate(), narratives=NARRATIVES
        )


def test_a_member_of_another_case_may_not_sign(table):
    with pytest.raises(PermissionDenied):
        assessment_sign(
            by=table.other_member,
            case=table.case,
            assessed_on=timezone.localdate(),
            narratives=NARRATIVES,
        )


def test_a_correction_is_a_new_assessment_that_names_the_old_one(client, table, work):
    sign_in(client, table.invited)
    url = reverse("cases:assessment_new", args=[table.case.pk])
    form = client.get(url, {"corrects": work.assessment.pk}).content.decode()
    assert NARRATIVES["protective_factors"] in form  # starts from the corrected texts
    client.post(
        url,
        {
            "corrects": work.assessment.pk,
            "assessed_on": work.assessment.assessed_on.isoformat(),
            **{**NARRATIVES, "history": "One fight at school in 2025."},
        },
    )
    correction = Assessment.objects.exclude(pk=work.assessment.pk).get()
    assert correction.corrects == work.assessment
    work.assessment.refresh_from_db()
    assert work.assessment.history == NARRATIVES["history"]


def test_the_pages_show_no_computed_rating(client, table, work):
    assessment_sign(
        by=table.prevention,
        case=table.case,
        assessed_on=timezone.localdate() - datetime.timedelta(days=0),
        narratives=NARRATIVES,
    )
    sign_in(client, table.prevention)
    for url in (
        reverse("cases:detail", args=[table.case.pk]),
        reverse("cases:export", args=[table.case.pk]),
        reverse("cases:assessment_new", args=[table.case.pk]),
    ):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode().lower()
        section = html.split('id="assessments"')[-1]
        for word in ("risk level", "risk score", "high risk", "low risk", "medium risk", "total"):
            assert word not in section, (url, word)
        assert "computes no score" in html
