"""The assessments' section shows what changed since the previous assessment, word by word."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.cases.actions.assessments import assessment_sign
from samen.cases.sections.assessment_changes import word_diff
from tests.cases import work_fixtures
from tests.cases.conftest import sign_in
from tests.cases.work_fixtures import NARRATIVES

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def test_the_page_shows_what_changed_since_the_previous_assessment(client, table, work):
    assessment_sign(
        by=table.prevention,
        case=table.case,
        assessed_on=timezone.localdate(),
        narratives={**NARRATIVES, "protective_factors": "A caring mother and an internship."},
    )
    sign_in(client, table.invited)
    html = client.get(
        reverse("cases:detail", args=[table.case.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    section = html.split('id="assessments"')[1].split("</section>")[0]
    assert '<del><span class="visually-hidden">[removed] </span>the football club.</del>' in section
    assert '<ins><span class="visually-hidden">[added] </span>an internship.</ins>' in section
    assert "Unchanged since the previous assessment." in section


def test_the_word_diff_keeps_the_text_in_reading_order():
    pieces = word_diff("one two three", "one four three")
    assert [(p.kind, p.text) for p in pieces] == [
        ("same", "one "),
        ("removed", "two "),
        ("added", "four "),
        ("same", "three"),
    ]
