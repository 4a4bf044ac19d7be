"""The policy forms validate only: their choices limited to what fits the record, their cleaned
data handed to the actions as the action's own fields, and an action's refusal put back on them
under each field."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from samen.people.models import Organisation
from samen.policy.actions import ActionFields, StrategyFields
from samen.policy.forms import (
    ActionForm,
    InitiativeForm,
    ObjectiveForm,
    OutputForm,
    ProgressForm,
    StrategyForm,
    recent_quarters,
    show_refusal,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def test_the_quarters_offered_run_back_from_the_current_one():
    assert recent_quarters(TODAY, count=3) == [
        ("2026-04-01", "Q2 2026"),
        ("2026-01-01", "Q1 2026"),
        ("2025-10-01", "Q4 2025"),
    ]
    assert len(recent_quarters(TODAY)) == 8


def test_outputs_are_counted_for_a_recent_quarter_only(personas):
    values = {"place": personas.borgerhout.pk, "kind": "sessions_held", "value": 3}
    form = OutputForm({**values, "quarter_start": "2026-04-01"}, today=TODAY)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["quarter_start"] == datetime.date(2026, 4, 1)
    old = OutputForm({**values, "quarter_start": "2024-01-01"}, today=TODAY)
    assert not old.is_valid() and list(old.errors) == ["quarter_start"]
    negative = OutputForm({**values, "quarter_start": "2026-04-01", "value": -1}, today=TODAY)
    assert not negative.is_valid() and list(negative.errors) == ["value"]


def test_an_operational_objective_serves_a_strategic_one_of_the_same_strategy(world):
    form = ObjectiveForm(strategy=world.strategy)
    assert list(form.fields["parent"].queryset) == [world.strategic]
    refused = ObjectiveForm(
        {"kind": "operational", "parent": world.operational.pk, "code": "OD1.2", "title": "X"},
        strategy=world.strategy,
    )
    assert not refused.is_valid() and list(refused.errors) == ["parent"]


def test_a_strategy_form_gives_the_actions_fields_and_starts_from_the_record(world):
    form = StrategyForm(
        {
            "title": "Vlaams actieplan",
            "level": "flemish",
            "owner": world.partner_org.pk,
            "starts": "2025-01-01",
            "status": "draft",
        }
    )
    assert form.is_valid(), form.errors
    fields = form.to_fields()
    assert isinstance(fields, StrategyFields)
    assert fields.owner == world.partner_org and fields.ends is None and fields.summary == ""
    initial = StrategyForm.initial_from(world.strategy)
    assert initial["title"] == world.strategy.title and initial["owner"] == world.city_department.pk


def test_an_action_form_hands_its_lists_as_lists(world):
    form = ActionForm(
        {
            "code": "A9",
            "title": "Buurtfeest",
            "owner": world.city_department.pk,
            "budget_planned": "100",
            "status": "planned",
            "life_domains": ["housing"],
        },
        plan=world.city_plan,
    )
    assert form.is_valid(), form.errors
    fields = form.to_fields()
    assert isinstance(fields, ActionFields)
    assert fields.life_domains == ["housing"] and fields.partners == [] and fields.places == []


def test_an_initiative_is_owned_by_one_of_the_organisations_offered(world):
    owners = Organisation.objects.filter(pk=world.partner_org.pk)
    values = {"title": "Praatcafé", "level": "flemish", "starts": "2026-03-01", "status": "running"}
    assert InitiativeForm({**values, "owner": world.partner_org.pk}, owners=owners).is_valid()
    refused = InitiativeForm({**values, "owner": world.city_department.pk}, owners=owners)
    assert not refused.is_valid() and list(refused.errors) == ["owner"]


def test_an_actions_refusal_lands_under_each_field_the_form_shows():
    form = ProgressForm({"progress": 50})
    assert form.is_valid()
    show_refusal(
        form,
        ValidationError({"progress": ["Too far."], "action": ["The action is stopped."]}),
    )
    assert form.errors["progress"] == ["Too far."]
    assert form.non_field_errors() == ["The action is stopped."]
    whole = ProgressForm({"progress": 50})
    assert whole.is_valid()
    show_refusal(whole, ValidationError("Not now."))
    assert whole.non_field_errors() == ["Not now."]
