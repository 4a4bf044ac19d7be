"""The case work's sections of the case page cost a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.cases import sections
from samen.cases.actions.assessments import assessment_sign
from samen.cases.actions.meetings import agenda_add, decision_record, meeting_schedule
from samen.cases.actions.police import police_exchange_record
from samen.cases.actions.support import plan_action_add, plan_review_add
from tests.cases import work_fixtures
from tests.cases.conftest import acknowledge_for_reading, sign_in

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def page_queries(client, case) -> int:
    url = reverse("cases:detail", args=[case.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_case_work_adds_a_fixed_number_of_queries_to_the_case_page(client, table, work):
    sign_in(client, table.invited)
    before = page_queries(client, table.case)
    today = timezone.localdate()
    meeting = meeting_schedule(
        by=table.prevention, held_on=today, place="Stadhuis", chair=table.prevention
    )
    item = agenda_add(by=table.prevention, meeting=meeting, case=table.case)
    acknowledge_for_reading(table.invited)  # today's second meeting takes over
    decision_record(by=table.prevention, item=item, text="Again.", owner=table.invited)
    assessment_sign(
        by=table.invited, case=table.case, assessed_on=today, narratives=work_fixtures.NARRATIVES
    )
    plan_action_add(
        by=table.invited, plan=work.plan, description="More.", owner=table.invited, due_on=today
    )
    plan_review_add(by=table.invited, plan=work.plan, reviewed_on=today, note="Going well.")
    police_exchange_record(
        by=table.invited, case=table.case, exchanged_on=today, direction="given", counterpart="ltf"
    )
    assert page_queries(client, table.case) == before


def test_a_case_without_case_work_asks_two_queries_more(client, table):
    sign_in(client, table.invited)
    with_work = page_queries(client, table.case)
    registered = list(sections._sections)
    sections._sections[:] = [s for s in registered if not s.template.startswith("cases/work/")]
    try:
        without = page_queries(client, table.case)
    finally:
        sections._sections[:] = registered
    # One query says which kinds of work exist; one lists who may have given police information;
    # the table's meeting (the one its members acknowledged) puts the case on an agenda: its
    # items and their decisions are two more.
    assert with_work - without == 4
