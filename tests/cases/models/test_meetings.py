"""Meetings, their agenda, attendance and decisions: one item per case per meeting, one
attendance per member, decisions overdue after their deadline while open."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from samen.cases.actions.meetings import meeting_schedule
from samen.cases.models import ActionStatus, AgendaItem, Attendance, Decision, Meeting

TODAY = datetime.date(2026, 6, 15)


@pytest.mark.parametrize(
    ("status", "due_on", "overdue"),
    [
        (ActionStatus.OPEN, TODAY - datetime.timedelta(days=1), True),
        (ActionStatus.OPEN, TODAY, False),
        (ActionStatus.OPEN, None, False),
        (ActionStatus.DONE, TODAY - datetime.timedelta(days=1), False),
        (ActionStatus.DROPPED, TODAY - datetime.timedelta(days=1), False),
    ],
)
def test_a_decision_is_overdue_only_while_open_after_its_deadline(status, due_on, overdue):
    assert Decision(status=status, due_on=due_on).is_overdue(TODAY) is overdue


def test_the_names_show_no_minutes_or_decision_text():
    meeting = Meeting(pk=5, held_on=TODAY)
    assert str(meeting) == "2026-06-15 #5"
    assert str(Decision(pk=9, item_id=3, text="Jeugdzorg gaat op huisbezoek.")) == "3: 9"
    assert str(Attendance(meeting_id=5, user_id=2, status="present")) == "5: 2 present"


@pytest.mark.django_db
def test_an_agenda_item_names_its_case_by_reference(table):
    item = table.meeting.items.get(case=table.case)
    assert str(item) == f"{table.meeting.pk}: {table.case.reference}"
    assert list(table.meeting.items.all()) == [item, table.meeting.items.get(case=table.other_case)]


@pytest.mark.django_db
def test_a_case_is_on_a_meeting_agenda_once(table):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=table.meeting, case=table.case, position=9)


@pytest.mark.django_db
def test_a_member_has_one_attendance_per_meeting(table):
    Attendance.objects.create(meeting=table.meeting, user=table.invited, status="present")
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(meeting=table.meeting, user=table.invited, status="absent")


@pytest.mark.django_db
def test_meetings_are_listed_latest_first(table):
    later = meeting_schedule(
        by=table.prevention,
        held_on=table.meeting.held_on + datetime.timedelta(days=7),
        place="Stadhuis",
        chair=table.prevention,
    )
    assert list(Meeting.objects.all()) == [later, table.meeting]
