"""Who reads, generates and signs off yearly reports: everyone signed in reads; those who edit
the plan (the analysts, for a strategy) generate; a member of the owner organisation who edits
it signs off."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samen.people.models import OrganisationMembership
from samen.policy.report_actions import yearly_report_generate
from samen.policy.reports.access import (
    check_may_generate,
    check_may_sign_off,
    get_report_for_user,
    may_generate,
    may_sign_off,
    subject_of,
    visible_reports,
)


@pytest.fixture
def reports(world, personas):
    plan = yearly_report_generate(
        by=personas.analyst, subject=world.city_plan, year=2026, language="en"
    )
    strategy = yearly_report_generate(
        by=personas.analyst, subject=world.strategy, year=2026, language="en"
    )
    return plan, strategy


def test_everyone_signed_in_reads_every_report_and_the_anonymous_none(personas, reports):
    for person in personas.all().values():
        assert set(visible_reports(person)) == set(reports), person
        assert get_report_for_user(person, reports[0].pk) == reports[0]
    assert not visible_reports(AnonymousUser()).exists()
    with pytest.raises(PermissionDenied):
        get_report_for_user(AnonymousUser(), reports[0].pk)
    with pytest.raises(Http404):
        get_report_for_user(personas.analyst, 999_999)


def test_a_report_is_about_its_plan_or_its_strategy(world, reports):
    plan_report, strategy_report = reports
    assert subject_of(plan_report) == world.city_plan
    assert subject_of(strategy_report) == world.strategy


def test_those_who_edit_the_plan_generate_and_only_analysts_for_a_strategy(world, personas):
    assert may_generate(personas.analyst, world.city_plan)
    assert may_generate(personas.coordinator, world.borgerhout_plan)
    assert not may_generate(personas.coordinator, world.city_plan)
    assert may_generate(personas.analyst, world.strategy)
    for name in ("coordinator", "frontline", "partner", "prevention", "admin", "dpo"):
        assert not may_generate(getattr(personas, name), world.strategy), name
    with pytest.raises(PermissionDenied):
        check_may_generate(personas.frontline, world.city_plan)
    check_may_generate(personas.analyst, world.city_plan)  # raises nothing


def test_only_a_member_of_the_owner_who_edits_it_signs_off(world, personas):
    report = yearly_report_generate(
        by=personas.coordinator, subject=world.borgerhout_plan, year=2026, language="en"
    )
    # The coordinator edits Borgerhout's plan but works for no organisation yet.
    assert not may_sign_off(personas.coordinator, report)
    with pytest.raises(PermissionDenied):
        check_may_sign_off(personas.coordinator, report)
    OrganisationMembership.objects.create(
        user=personas.coordinator, organisation=world.district_house
    )
    coordinator = type(personas.coordinator).objects.get(pk=personas.coordinator.pk)
    assert may_sign_off(coordinator, report)
    # The analysts' department does not own this plan.
    assert not may_sign_off(personas.analyst, report)


def test_the_analyst_of_the_owning_department_signs_off_the_city_plan(personas, reports):
    plan_report, strategy_report = reports
    assert may_sign_off(personas.analyst, plan_report)
    assert may_sign_off(personas.analyst, strategy_report)
    assert not may_sign_off(personas.frontline, plan_report)  # a member, but no editor
