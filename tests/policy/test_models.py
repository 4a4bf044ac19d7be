"""The policy models: about places and programmes, never about persons; their constraints
and their audit trail (where their files are kept is tested in test_files.py)."""

from __future__ import annotations

import pytest
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import translation

from samen.people.models import Organisation
from samen.places.models import Place
from samen.policy.models import (
    Action,
    YearlyReport,
    has_code,
)

# The only fields through which a policy record may point to a person: the staff member who
# wrote or recorded it, or signed it off.
STAFF_AUTHOR_FIELDS = {"created_by", "by", "recorded_by", "signed_off_by"}


def policy_models():
    return list(apps.get_app_config("policy").get_models())


def test_the_module_has_the_models_the_others_build_on():
    names = {model.__name__ for model in policy_models()}
    assert names == {
        "Strategy",
        "Objective",
        "ActionPlan",
        "Action",
        "ProgressUpdate",
        "Initiative",
        "OutputMeasure",
        "OutcomeIndicator",
        "Evaluation",
        "InitiativeUpdate",
        "YearlyReport",
    }


@pytest.mark.parametrize("model", policy_models(), ids=lambda m: m.__name__)
def test_no_model_references_a_person_other_than_staff_authors(model):
    user_model = get_user_model()
    allowed_targets = {user_model, Organisation, Place, *policy_models()}
    for field in model._meta.get_fields(include_hidden=True):
        if not field.is_relation or field.auto_created and not field.concrete:
            continue
        target = field.related_model
        assert target in allowed_targets, f"{model.__name__}.{field.name} points to {target}"
        if target is user_model:
            assert field.name in STAFF_AUTHOR_FIELDS, f"{model.__name__}.{field.name}"
            assert field.many_to_one, f"{model.__name__}.{field.name} must name one author"


@pytest.mark.parametrize("model", policy_models(), ids=lambda m: m.__name__)
def test_every_model_is_in_the_audit_trail(model):
    assert auditlog.contains(model)


@pytest.mark.parametrize("model", policy_models(), ids=lambda m: m.__name__)
def test_every_model_has_a_dutch_name(model):
    # French names are held by the catalogue's test (an "action" is one in French too).
    english = str(model._meta.verbose_name)
    with translation.override("nl"):
        assert str(model._meta.verbose_name) != english


def test_a_yearly_report_belongs_to_a_plan_or_a_strategy_not_both_nor_neither(world):
    YearlyReport.objects.create(plan=world.city_plan, year=2026)
    YearlyReport.objects.create(strategy=world.strategy, year=2026)
    for plan, strategy in ((world.city_plan, world.strategy), (None, None)):
        with pytest.raises(IntegrityError), transaction.atomic():
            YearlyReport.objects.create(plan=plan, strategy=strategy, year=2026)


def test_progress_cannot_pass_100_in_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=world.city_action.pk).update(progress=101)


def test_an_action_code_is_unique_within_its_plan(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.create(
            plan=world.city_plan, code="A1", title="Dubbel", owner=world.city_department
        )


def test_has_code_finds_a_code_in_a_list_and_not_a_part_of_another(world):
    Action.objects.filter(pk=world.city_action.pk).update(life_domains=["well_being", "work"])
    Action.objects.filter(pk=world.partner_action.pk).update(life_domains=["housing"])
    assert set(Action.objects.filter(has_code("life_domains", "work"))) == {world.city_action}
    assert not Action.objects.filter(has_code("life_domains", "being")).exists()
    assert not Action.objects.filter(has_code("life_domains", "well")).exists()


def test_a_city_plan_is_one_without_a_district(world):
    assert world.city_plan.is_city_plan
    assert not world.borgerhout_plan.is_city_plan


def test_objectives_form_a_tree_from_strategic_to_operational(world):
    assert list(world.strategic.children.all()) == [world.operational]
    assert str(world.operational) == "OD1.1 Ontmoeting in de wijk"
    assert list(world.operational.actions.order_by("code").values_list("code", flat=True)) == [
        "A1",
        "A2",
        "B1",
        "C1",
    ]
