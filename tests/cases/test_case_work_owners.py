"""Decisions and plan actions are owned by members of their own case only."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.cases.actions.meetings import decision_record
from samen.cases.models import Decision
from tests.cases import work_fixtures
from tests.cases.conftest import sign_in

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def _owner_choices(response, item) -> set[int]:
    for listed in response.context["items"]:
        if listed.pk == item.pk:
            field = listed.decision_form.fields["owner"]
            return {user.pk for user in field.queryset}
    raise AssertionError("item not on the page")


def test_the_decision_owner_choices_are_the_members_of_that_items_case(client, table, work):
    sign_in(client, table.prevention)
    response = client.get(reverse("cases:meeting", args=[work.meeting.pk]))
    assert response.status_code == 200
    owners_a = _owner_choices(response, work.item_a)
    owners_b = _owner_choices(response, work.item_b)
    assert table.invited.pk in owners_a and table.other_member.pk not in owners_a
    assert table.other_member.pk in owners_b and table.invited.pk not in owners_b
    for core in (table.mayor, table.prevention, table.police):
        assert core.pk in owners_a and core.pk in owners_b


def test_a_decision_owned_by_an_invitee_of_another_case_is_refused(table, work):
    before = Decision.objects.count()
    with pytest.raises(ValidationError) as refused:
        decision_record(
            by=table.prevention, item=work.item_a, text="Follow up.", owner=table.other_member
        )
    assert "owner" in refused.value.message_dict
    assert Decision.objects.count() == before


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


def test_the_decision_form_refuses_an_owner_from_another_case(client, table, work):
    sign_in(client, table.prevention)
    before = Decision.objects.count()
    response = client.post(
        reverse("cases:item_decision", args=[work.meeting.pk, work.item_a.pk]),
        {"text": "Follow up.", "owner": table.other_member.pk},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 302
    assert Decision.objects.count() == before
    decision_record(by=table.prevention, item=work.item_a, text="Ok.", owner=table.invited)
    assert Decision.objects.count() == before + 1
