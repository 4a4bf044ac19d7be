"""A support plan: open until closed, its actions by deadline, its reviews latest first, and
the state of an aftercare review on a given day."""

import datetime

import pytest

from samen.cases.actions.support import plan_action_add, plan_review_add
from samen.cases.models import AftercareReview, PlanAction, SupportPlan
from samen.cases.models.support import DUE_SOON_DAYS
from tests.cases import work_fixtures

work = work_fixtures.work
TODAY = datetime.date(2026, 6, 15)


def review(due_on, done_on=None) -> AftercareReview:
    return AftercareReview(plan_id=1, months_after=6, due_on=due_on, done_on=done_on)


@pytest.mark.parametrize(
    ("days", "state"),
    [
        (-1, "overdue"),
        (0, "due"),
        (DUE_SOON_DAYS, "due"),
        (DUE_SOON_DAYS + 1, "planned"),
    ],
)
def test_an_aftercare_review_is_due_in_its_last_days_and_overdue_after(days, state):
    assert review(TODAY + datetime.timedelta(days=days)).state(TODAY) == state


def test_a_recorded_aftercare_review_is_done_whatever_its_date():
    assert review(TODAY - datetime.timedelta(days=90), done_on=TODAY).state(TODAY) == "done"


def test_a_plan_is_open_until_closed_and_named_without_content():
    plan = SupportPlan(case_id=3)
    assert plan.is_open and str(plan) == "3"
    plan.closed_on = TODAY
    assert not plan.is_open
    assert str(PlanAction(pk=8, plan_id=3, description="Huisbezoek")) == "3: 8"
    assert str(review(TODAY)) == "1: 2026-06-15"


@pytest.mark.django_db
def test_actions_come_by_deadline_and_reviews_latest_first(table, work):
    first = work.plan.actions.get()
    sooner = plan_action_add(
        by=table.invited,
        plan=work.plan,
        description="Call the school.",
        owner=table.invited,
        due_on=first.due_on - datetime.timedelta(days=3),
    )
    assert list(work.plan.actions.all()) == [sooner, first]
    older = plan_review_add(
        by=table.invited,
        plan=work.plan,
        reviewed_on=first.due_on - datetime.timedelta(days=20),
        note="A first talk went well.",
    )
    newer = plan_review_add(
        by=table.invited,
        plan=work.plan,
        reviewed_on=first.due_on - datetime.timedelta(days=10),
        note="The parents joined.",
    )
    assert list(work.plan.reviews.all()) == [newer, older]
