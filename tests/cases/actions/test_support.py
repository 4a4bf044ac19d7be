"""The support plan: overdue actions, closure with aftercare reviews (6 and 12 months by
default, configurable), shown as due or overdue and recorded when done."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.cases import access
from samen.cases.actions.cases import case_close
from samen.cases.actions.support import (
    add_months,
    aftercare_review_record,
    plan_action_add,
    plan_close,
    plan_open,
)
from tests.cases import work_fixtures
from tests.cases.conftest import acknowledge_for_reading, reconfirm_everything, sign_in

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def at(day: datetime.date):
    return time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))), tick=False
    )


def in_a_new_cycle(table, who) -> None:
    """Months later: the grants were re-confirmed meanwhile; acknowledge the rules if the
    meeting that covers reading asks for it."""
    reconfirm_everything()
    if not access.acknowledged_for_reading(who):
        acknowledge_for_reading(who)


def support_section(client, case) -> str:
    html = client.get(reverse("cases:detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="en")
    return html.content.decode().split('id="support"')[1].split("</section>")[0]


def test_an_action_past_its_deadline_is_shown_overdue(client, table, work):
    plan_action_add(
        by=table.invited,
        plan=work.plan,
        description="Call the school.",
        owner=table.invited,
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    sign_in(client, table.invited)
    section = support_section(client, table.case)
    overdue = section.split("Call the school.")[1].split("</li>")[0]
    assert "overdue" in overdue
    assert "overdue" not in section.split("Plan a talk")[1].split("</li>")[0]


def test_an_action_needs_an_owner_and_a_deadline(table, work):
    with pytest.raises(ValidationError) as refused:
        plan_action_add(by=table.invited, plan=work.plan, description="Something.")
    assert {"owner_organisation", "due_on"} <= set(refused.value.message_dict)
    assert work.plan.actions.count() == 1


def test_closing_the_plan_schedules_aftercare_reviews_at_6_and_12_months(table, work):
    today = timezone.localdate()
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    due = [(f.months_after, f.due_on) for f in work.plan.aftercare_reviews.all()]
    assert due == [(6, add_months(today, 6)), (12, add_months(today, 12))]
    table.case.refresh_from_db()
    assert table.case.is_open  # the case stays with the mayor


def test_the_aftercare_months_are_configurable(table, work, settings):
    settings.SAMEN_CASE_AFTERCARE_MONTHS = (3,)
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    assert [f.months_after for f in work.plan.aftercare_reviews.all()] == [3]


def test_aftercare_reviews_show_as_planned_due_and_overdue_and_are_recorded(client, table, work):
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    first = work.plan.aftercare_reviews.first()
    sign_in(client, table.prevention)
    assert "planned" in support_section(client, table.case)
    with at(first.due_on - datetime.timedelta(days=10)):
        in_a_new_cycle(table, table.prevention)
        sign_in(client, table.prevention)
        assert '<span class="badge warn">due</span>' in support_section(client, table.case)
    with at(first.due_on + datetime.timedelta(days=1)):
        in_a_new_cycle(table, table.prevention)
        sign_in(client, table.prevention)
        assert "badge overdue" in support_section(client, table.case)
        url = reverse("cases:support_aftercare_review", args=[table.case.pk, first.pk])
        client.post(url, {"done_on": timezone.localdate().isoformat(), "note": "Doing well."})
        first.refresh_from_db()
        assert first.done_on == timezone.localdate() and first.done_by == table.prevention
        assert "Doing well." in support_section(client, table.case)


def test_an_aftercare_review_is_recorded_once(table, work):
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    first = work.plan.aftercare_reviews.first()
    aftercare_review_record(
        by=table.prevention, review=first, done_on=timezone.localdate(), note="A"
    )
    with pytest.raises(ValidationError):
        aftercare_review_record(
            by=table.prevention, review=first, done_on=timezone.localdate(), note="B"
        )


def test_the_core_records_an_aftercare_review_after_the_mayor_closed_the_case(table, work):
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    case_close(by=table.mayor, case=table.case, reason="Support ended.", aftercare_needed=True)
    first = work.plan.aftercare_reviews.first()
    aftercare_review_record(
        by=table.prevention, review=first, done_on=timezone.localdate(), note="OK"
    )
    first.refresh_from_db()
    assert first.done_on is not None


def test_the_mayor_is_reminded_of_planned_aftercare_reviews_before_closing(client, table, work):
    plan_close(by=table.invited, plan=work.plan, reason="Goals reached.")
    sign_in(client, table.mayor)
    assert "aftercare was needed" in support_section(client, table.case)
    sign_in(client, table.invited)
    assert "aftercare was needed" not in support_section(client, table.case)


def test_a_closed_case_takes_no_new_plan(table):
    case_close(by=table.mayor, case=table.case, reason="Done.", aftercare_needed=False)
    with pytest.raises(ValidationError):
        plan_open(by=table.prevention, case=table.case)


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2026, 1, 15), 12) == datetime.date(2027, 1, 15)


def test_a_plan_action_owned_by_an_invitee_of_another_case_is_refused(table, work):
    import datetime

    from samen.cases.actions.support import plan_action_add
    from samen.cases.models import PlanAction

    before = PlanAction.objects.count()
    due = datetime.date.today() + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as refused:
        plan_action_add(
            by=table.invited,
            plan=work.plan,
            description="Huisbezoek.",
            owner=table.other_member,
            due_on=due,
        )
    assert "owner" in refused.value.message_dict
    assert PlanAction.objects.count() == before
    plan_action_add(
        by=table.invited, plan=work.plan, description="Huisbezoek.", owner=table.invited, due_on=due
    )
    assert PlanAction.objects.count() == before + 1
