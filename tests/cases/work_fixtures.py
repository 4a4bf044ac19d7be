"""Case work on the core's table: a meeting with an item for each of the two cases, minutes
and decisions that name their case, an assessment, a support plan and a police exchange."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from samen.cases.actions.assessments import assessment_sign
from samen.cases.actions.meetings import (
    agenda_add,
    attendance_record,
    decision_record,
    meeting_schedule,
    minutes_write,
)
from samen.cases.actions.police import police_exchange_record
from samen.cases.actions.support import plan_action_add, plan_open
from samen.cases.models import AgendaItem, Assessment, Meeting, PoliceExchange, SupportPlan
from tests.cases.conftest import acknowledge_for_reading

MINUTES_A = "Minutes-A: school and youth care agree on a home visit."
MINUTES_B = "Minutes-B: the family of the second person declines contact."
DECISION_B = "Decision-B: welfare calls the family again."
NARRATIVES = {
    "beliefs": "Hostile remarks about a group at school.",
    "social_context": "New friends online.",
    "history": "No violence known.",
    "commitment": "Doubts about leaving the group.",
    "protective_factors": "A caring mother and the football club.",
}


@dataclass
class Work:
    meeting: Meeting
    item_a: AgendaItem
    item_b: AgendaItem
    assessment: Assessment
    plan: SupportPlan
    exchange: PoliceExchange


@pytest.fixture
def work(table) -> Work:
    today = timezone.localdate()
    chair = table.prevention
    meeting = meeting_schedule(by=chair, held_on=today, place="Stadhuis, zaal 2", chair=chair)
    item_a = agenda_add(by=chair, meeting=meeting, case=table.case)
    item_b = agenda_add(by=chair, meeting=meeting, case=table.other_case)
    # Today's meeting takes over from the table's: everyone acknowledges the rules for it.
    acknowledge_for_reading(*table.members)
    attendance_record(
        by=chair,
        meeting=meeting,
        statuses={
            chair.pk: "present",
            table.invited.pk: "present",
            table.other_member.pk: "excused",
        },
    )
    minutes_write(by=chair, item=item_a, minutes=MINUTES_A)
    minutes_write(by=chair, item=item_b, minutes=MINUTES_B)
    decision_record(
        by=chair,
        item=item_a,
        text="Decision-A: youth care visits.",
        owner=table.invited,
        due_on=today + datetime.timedelta(days=14),
    )
    decision_record(by=chair, item=item_b, text=DECISION_B, owner=table.other_member)
    assessment = assessment_sign(
        by=table.invited,
        case=table.case,
        assessed_on=today - datetime.timedelta(days=1),
        narratives=dict(NARRATIVES),
    )
    plan = plan_open(by=table.invited, case=table.case)
    plan_action_add(
        by=table.invited,
        plan=plan,
        description="Plan a talk with the parents.",
        owner=table.invited,
        due_on=today + datetime.timedelta(days=7),
    )
    exchange = police_exchange_record(
        by=table.police,
        case=table.case,
        exchanged_on=today,
        direction="received",
        counterpart="ltf",
        reference="LTF-2026-017",
    )
    return Work(meeting, item_a, item_b, assessment, plan, exchange)
