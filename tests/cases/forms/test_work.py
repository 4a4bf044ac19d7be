"""The forms of the case work: a police exchange asks for no content, attendance has one
choice per member, an assessment needs its protective factors, a plan's action a deadline."""

import pytest

from samen.cases.forms.work import (
    AssessmentForm,
    AttendanceForm,
    MeetingForm,
    PlanActionForm,
    PoliceExchangeForm,
    organisations,
)
from samen.cases.models import DOMAINS
from samen.people.models import Organisation, User

pytestmark = pytest.mark.django_db


def test_the_form_asks_for_no_content():
    assert set(PoliceExchangeForm(members=User.objects.none()).fields) == {
        "exchanged_on",
        "direction",
        "counterpart",
        "exchanged_by",
        "reference",
    }


def test_attendance_has_a_choice_per_member_and_keeps_only_those_given(personas):
    members = [personas.prevention, personas.partner]
    form = AttendanceForm(
        {f"member-{personas.prevention.pk}": "present", f"member-{personas.partner.pk}": ""},
        members=members,
    )
    assert form.is_valid(), form.errors
    assert form.statuses() == {personas.prevention.pk: "present"}
    refused = AttendanceForm({f"member-{personas.partner.pk}": "asleep"}, members=members)
    assert not refused.is_valid()
    assert f"member-{personas.partner.pk}" in refused.errors


def test_an_assessment_needs_its_protective_factors_only():
    form = AssessmentForm({"assessed_on": "2026-06-01", "beliefs": "Harde taal op school."})
    assert not form.is_valid()
    assert list(form.errors) == ["protective_factors"]
    filled = AssessmentForm(
        {"assessed_on": "2026-06-01", "protective_factors": "Een zorgzame tante."}
    )
    assert filled.is_valid(), filled.errors
    assert set(filled.narratives()) == {name for name, _label in DOMAINS}
    assert filled.narratives()["beliefs"] == ""


def test_a_plans_action_needs_a_deadline_and_a_chair_is_one_of_those_offered(personas):
    action = PlanActionForm({"description": "Bel de school."})
    assert not action.is_valid() and "due_on" in action.errors
    meeting = MeetingForm(
        {"held_on": "2026-06-20", "place": "Stadhuis", "chair": personas.partner.pk},
        chairs=User.objects.filter(pk=personas.prevention.pk),
    )
    assert not meeting.is_valid() and list(meeting.errors) == ["chair"]


def test_only_active_organisations_are_offered_by_name():
    for name, active in (("Zorgnet Noord", True), ("Atheneum Zuid", True), ("Oud CAW", False)):
        Organisation.objects.create(name=name, policy_level="municipal", is_active=active)
    assert [o.name for o in organisations()] == ["Atheneum Zuid", "Zorgnet Noord"]
