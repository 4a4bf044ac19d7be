"""The meeting actions: who organises, what goes on the agenda, who attends, what a decision
needs. Each refusal changes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.cases.actions.cases import case_close
from samen.cases.actions.meetings import (
    agenda_add,
    agenda_remove,
    attendance_record,
    decision_record,
    meeting_schedule,
)
from samen.cases.models import AgendaItem, Attendance, Decision, Meeting
from tests.cases import work_fixtures

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def schedule(table, by=None, chair=None):
    return meeting_schedule(
        by=by or table.prevention,
        held_on=timezone.localdate(),
        place="Stadhuis",
        chair=chair or table.prevention,
    )


def test_the_mayor_and_the_prevention_official_organise_and_others_do_not(table):
    assert schedule(table, by=table.mayor).chair == table.prevention
    for outsider in (table.police, table.invited):
        with pytest.raises(PermissionDenied):
            schedule(table, by=outsider)
    with pytest.raises(ValidationError) as refused:
        schedule(table, chair=table.police)
    assert "chair" in refused.value.message_dict
    assert Meeting.objects.exclude(pk=table.meeting.pk).count() == 1


def test_only_open_cases_go_on_the_agenda_once(table):
    meeting = schedule(table)
    agenda_add(by=table.prevention, meeting=meeting, case=table.case)
    with pytest.raises(ValidationError):
        agenda_add(by=table.prevention, meeting=meeting, case=table.case)
    case_close(by=table.mayor, case=table.other_case, reason="Done.", aftercare_needed=False)
    with pytest.raises(ValidationError):
        agenda_add(by=table.prevention, meeting=meeting, case=table.other_case)
    assert list(meeting.items.values_list("case", flat=True)) == [table.case.pk]


def test_an_item_with_minutes_stays_on_the_agenda(table, work):
    with pytest.raises(ValidationError):
        agenda_remove(by=table.prevention, item=work.item_a)
    fresh = agenda_add(by=table.prevention, meeting=schedule(table), case=table.case)
    agenda_remove(by=table.prevention, item=fresh)
    assert not AgendaItem.objects.filter(pk=fresh.pk).exists()


def test_only_members_of_the_meeting_attend(table, personas, work):
    before = list(Attendance.objects.values_list("user", "status"))
    with pytest.raises(ValidationError):
        attendance_record(
            by=table.prevention,
            meeting=work.meeting,
            statuses={table.invited.pk: "excused", personas.analyst.pk: "present"},
        )
    with pytest.raises(ValidationError):
        attendance_record(
            by=table.prevention, meeting=work.meeting, statuses={table.invited.pk: "x"}
        )
    assert list(Attendance.objects.values_list("user", "status")) == before


def test_a_decision_with_a_deadline_needs_an_owner(table, work):
    with pytest.raises(ValidationError) as refused:
        decision_record(
            by=table.prevention, item=work.item_a, text="Visit.", due_on=timezone.localdate()
        )
    assert "owner_organisation" in refused.value.message_dict
    with pytest.raises(ValidationError):
        decision_record(by=table.prevention, item=work.item_a, text=" ")
    assert work.item_a.decisions.count() == 1


def test_a_decision_owned_by_an_invitee_of_another_case_is_refused(table, work):
    before = Decision.objects.count()
    with pytest.raises(ValidationError) as refused:
        decision_record(
            by=table.prevention, item=work.item_a, text="Follow up.", owner=table.other_member
        )
    assert "owner" in refused.value.message_dict
    assert Decision.objects.count() == before
