"""Writes to initiatives: the theory of change, outputs per district and quarter, outcome
indicators, evaluations and the timeline; a signal followed up by an initiative."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from samen.people.models import OrganisationMembership
from samen.policy.initiative_actions import (
    InitiativeFields,
    OutcomeFields,
    evaluation_add,
    initiative_create,
    initiative_update,
    initiative_update_add,
    outcome_indicator_set,
    output_record,
    quarter_of,
)
from samen.policy.models import Initiative, OutputMeasure
from samen.signals.actions import signal_record, signal_review
from samen.signals.models import FollowUp
from tests.policy.conftest import audited
from tests.signals.conftest import fields as signal_fields

TODAY = datetime.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def a_day_in_june():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


def initiative_fields(world, **overrides) -> InitiativeFields:
    values = {
        "title": "Brugfiguren op school",
        "owner": world.partner_org,
        "starts": datetime.date(2026, 1, 1),
        "ends": datetime.date(2027, 6, 30),
        "status": Initiative.Status.RUNNING,
        "level": "flemish",
        "summary": "Brugfiguren bouwen vertrouwen tussen school, ouders en buurt.",
        "actions": [world.partner_action],
        "life_domains": ["education"],
        "signal_categories": ["youth-groups"],
        "problem": "Conflicten aan de schoolpoort lopen op.",
        "activities": "Wekelijkse gesprekken met ouders.",
        "outputs": "Gesprekken, bereikte ouders.",
        "outcomes": "Minder conflicten, meer vertrouwen.",
    }
    return InitiativeFields(**{**values, **overrides})


def test_a_partner_opens_an_initiative_of_their_organisation(personas, world):
    initiative = initiative_create(
        by=personas.partner, fields=initiative_fields(world, places=[personas.borgerhout])
    )
    assert initiative.owner == world.partner_org and initiative.created_by == personas.partner
    assert list(initiative.actions.all()) == [world.partner_action]
    assert list(initiative.places.all()) == [personas.borgerhout]
    assert audited(initiative, personas.partner)
    initiative_update(
        by=personas.partner,
        initiative=initiative,
        fields=initiative_fields(world, status=Initiative.Status.ENDED),
    )
    assert Initiative.objects.get(pk=initiative.pk).status == Initiative.Status.ENDED
    assert audited(initiative, personas.partner, LogEntry.Action.UPDATE)


def test_nobody_opens_an_initiative_for_an_organisation_they_do_not_work_for(personas, world):
    with pytest.raises(ValidationError) as refused:
        initiative_create(
            by=personas.partner, fields=initiative_fields(world, owner=world.city_department)
        )
    assert "owner" in refused.value.message_dict
    # The analysts may give one to any organisation.
    assert initiative_create(
        by=personas.analyst, fields=initiative_fields(world, owner=world.city_department)
    )


@pytest.mark.parametrize("name", ["admin", "dpo", "prevention", "coordinator"])
def test_those_without_an_organisation_or_read_only_open_none(personas, world, name):
    with pytest.raises(PermissionDenied):
        initiative_create(by=getattr(personas, name), fields=initiative_fields(world))


def test_an_initiative_refused_names_every_problem(personas, world):
    fields = initiative_fields(
        world,
        title="",
        starts=None,
        level="",
        life_domains=["sport"],
        signal_categories=["nope"],
        problem="Mail naar an.peeters@example.be",
    )
    with pytest.raises(ValidationError) as refused:
        initiative_create(by=personas.partner, fields=fields)
    assert set(refused.value.message_dict) == {
        "title",
        "starts",
        "level",
        "life_domains",
        "signal_categories",
        "problem",
    }
    assert Initiative.objects.count() == 2


def test_only_the_owners_staff_and_the_analysts_update_an_initiative(personas, world):
    with pytest.raises(PermissionDenied):
        initiative_update(
            by=personas.partner,
            initiative=world.city_initiative,
            fields=initiative_fields(world, owner=world.city_department),
        )
    initiative_update(
        by=personas.frontline,
        initiative=world.city_initiative,
        fields=initiative_fields(world, owner=world.city_department, actions=[]),
    )


def test_an_initiative_follows_a_signal_up(personas, world):
    OrganisationMembership.objects.create(
        user=personas.coordinator, organisation=world.district_house
    )
    signal = signal_record(by=personas.frontline, fields=signal_fields(personas.borgerhout))
    signal_review(by=personas.coordinator, signal=signal)
    initiative = initiative_create(
        by=personas.coordinator,
        fields=initiative_fields(world, owner=world.district_house),
        signal=signal,
    )
    follow_up = FollowUp.objects.get(signal=signal)
    assert (follow_up.kind, follow_up.reference) == ("initiative", f"initiative:{initiative.pk}")
    assert follow_up.created_by == personas.coordinator


def test_a_signal_that_cannot_be_followed_up_rolls_the_initiative_back(personas, world):
    OrganisationMembership.objects.create(
        user=personas.coordinator, organisation=world.district_house
    )
    new_signal = signal_record(by=personas.frontline, fields=signal_fields(personas.borgerhout))
    with pytest.raises(ValidationError):
        initiative_create(
            by=personas.coordinator,
            fields=initiative_fields(world, owner=world.district_house),
            signal=new_signal,
        )
    assert Initiative.objects.count() == 2


# --- Outputs ----------------------------------------------------------------------------------


def test_quarters():
    assert quarter_of(datetime.date(2026, 2, 14)) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 31),
    )
    assert quarter_of(datetime.date(2026, 11, 1)) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
    )


def test_outputs_are_recorded_per_district_and_quarter_and_replaced_on_a_second_record(
    personas, world
):
    first = output_record(
        by=personas.partner,
        initiative=world.partner_initiative,
        place=personas.borgerhout,
        quarter_start=datetime.date(2026, 4, 1),
        kind=OutputMeasure.Kind.SESSIONS_HELD,
        value=12,
    )
    assert first.period_end == datetime.date(2026, 6, 30)
    assert audited(first, personas.partner)
    again = output_record(
        by=personas.partner,
        initiative=world.partner_initiative,
        place=personas.borgerhout,
        quarter_start=datetime.date(2026, 4, 1),
        kind=OutputMeasure.Kind.SESSIONS_HELD,
        value=14,
    )
    assert again.pk == first.pk and again.value == 14
    assert audited(first, personas.partner, LogEntry.Action.UPDATE)


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"value": -3}, "value"),
        ({"value": "12"}, "value"),
        ({"quarter_start": datetime.date(2026, 5, 1)}, "quarter_start"),
        ({"quarter_start": datetime.date(2026, 7, 1)}, "quarter_start"),  # not begun yet
        ({"place": "city"}, "place"),
        ({"kind": "other"}, "label"),  # other needs a label
        ({"kind": "happiness"}, "kind"),
    ],
)
def test_bad_outputs_are_refused(personas, world, values, problem):
    arguments = {
        "place": personas.borgerhout,
        "quarter_start": datetime.date(2026, 4, 1),
        "kind": OutputMeasure.Kind.PARTICIPANTS_REACHED,
        "value": 40,
        **values,
    }
    if arguments["place"] == "city":
        arguments["place"] = personas.borgerhout.parent
    with pytest.raises(ValidationError) as refused:
        output_record(by=personas.partner, initiative=world.partner_initiative, **arguments)
    assert problem in refused.value.message_dict
    assert not OutputMeasure.objects.exists()


def test_outputs_of_another_organisations_initiative_are_refused(personas, world):
    with pytest.raises(PermissionDenied):
        output_record(
            by=personas.partner,
            initiative=world.city_initiative,
            place=personas.borgerhout,
            quarter_start=datetime.date(2026, 4, 1),
            kind="sessions_held",
            value=1,
        )


# --- Outcome indicators, evaluations, timeline ------------------------------------------------


def outcome_fields(**overrides) -> OutcomeFields:
    values = {
        "title": "Gevoel van veiligheid in de buurt",
        "indicator_key": "sense_of_safety",
        "baseline": "61.5",
        "baseline_on": datetime.date(2025, 12, 31),
        "target": 70,
        "target_on": datetime.date(2027, 12, 31),
        "unit": "%",
    }
    return OutcomeFields(**{**values, **overrides})


def test_an_outcome_indicator_has_a_baseline_and_a_target(personas, world):
    indicator = outcome_indicator_set(
        by=personas.partner, initiative=world.partner_initiative, fields=outcome_fields()
    )
    assert (indicator.baseline, indicator.target) == (Decimal("61.5"), Decimal("70"))
    assert audited(indicator, personas.partner)
    outcome_indicator_set(
        by=personas.partner,
        initiative=world.partner_initiative,
        indicator=indicator,
        fields=outcome_fields(latest_value="64", latest_on=datetime.date(2026, 6, 1)),
    )
    indicator.refresh_from_db()
    assert indicator.latest_value == Decimal("64")


def test_an_outcome_indicator_needs_a_definition_or_a_district_indicator(personas, world):
    fields = outcome_fields(
        indicator_key="",
        baseline="veel",
        target=None,
        target_on=datetime.date(2025, 1, 1),
        latest_value=3,
    )
    with pytest.raises(ValidationError) as refused:
        outcome_indicator_set(
            by=personas.partner, initiative=world.partner_initiative, fields=fields
        )
    assert set(refused.value.message_dict) == {
        "definition",
        "baseline",
        "target",
        "target_on",
        "latest_on",
    }


def test_an_indicator_of_another_initiative_is_not_changed_through_this_one(personas, world):
    indicator = outcome_indicator_set(
        by=personas.analyst, initiative=world.city_initiative, fields=outcome_fields()
    )
    with pytest.raises(ValidationError):
        outcome_indicator_set(
            by=personas.analyst,
            initiative=world.partner_initiative,
            indicator=indicator,
            fields=outcome_fields(),
        )


def test_an_evaluation_and_updates_are_added_with_their_writer(personas, world):
    evaluation = evaluation_add(
        by=personas.analyst,
        initiative=world.partner_initiative,
        kind="process",
        on=datetime.date(2026, 6, 1),
        by_whom="Universiteit (onderzoeksgroep)",
        summary="De sessies bereiken de doelgroep.",
        conclusions="Voortzetten.",
    )
    assert audited(evaluation, personas.analyst)
    update = initiative_update_add(
        by=personas.partner, initiative=world.partner_initiative, text="Derde sessie gehouden."
    )
    assert (update.on, update.by) == (TODAY, personas.partner)
    assert audited(update, personas.partner)
    with pytest.raises(ValidationError) as refused:
        evaluation_add(
            by=personas.analyst,
            initiative=world.partner_initiative,
            kind="vibes",
            on=datetime.date(2026, 7, 1),
            by_whom="",
            summary="",
        )
    assert set(refused.value.message_dict) == {"kind", "on", "by_whom", "summary"}
    with pytest.raises(ValidationError):
        initiative_update_add(by=personas.partner, initiative=world.partner_initiative, text=" ")
    with pytest.raises(PermissionDenied):
        initiative_update_add(by=personas.dpo, initiative=world.partner_initiative, text="Hallo")
