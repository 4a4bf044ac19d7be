"""The roles and their rules (samen/people/roles.py)."""

from django.contrib.auth.models import AnonymousUser

from samen.people import roles
from samen.people.roles import (
    CITY_WIDE_ROLES,
    DISTRICT_ROLES,
    Role,
    add_two_factor_rule,
    recertify_months,
    requires_two_factor,
    user_requires_two_factor,
)


def test_every_role_is_either_city_wide_district_or_a_partner():
    assert CITY_WIDE_ROLES.isdisjoint(DISTRICT_ROLES)
    assert set(Role) == CITY_WIDE_ROLES | DISTRICT_ROLES | {Role.PARTNER_PROFESSIONAL}


def test_two_factor_follows_the_setting(settings):
    settings.MFA_REQUIRED_ROLES = [Role.ADMINISTRATOR]
    assert requires_two_factor(Role.ADMINISTRATOR)
    assert not requires_two_factor(Role.FRONTLINE_WORKER)


def test_a_module_rule_can_require_a_second_factor_of_a_person(personas, settings, monkeypatch):
    settings.MFA_REQUIRED_ROLES = []
    monkeypatch.setattr(roles, "_two_factor_rules", [])
    assert not user_requires_two_factor(personas.frontline)
    rule = add_two_factor_rule(lambda user: user.email == "frontline@samen.test")
    add_two_factor_rule(rule)  # registering twice keeps one rule
    assert roles._two_factor_rules == [rule]
    assert user_requires_two_factor(personas.frontline)
    assert not user_requires_two_factor(personas.other_frontline)
    assert not user_requires_two_factor(AnonymousUser())


def test_recertification_months_come_from_the_settings(settings):
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 7
    assert recertify_months() == 7
