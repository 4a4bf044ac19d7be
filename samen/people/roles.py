"""The roles of Samen and what each may see, in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("administrator")
    POLICY_ANALYST = "policy_analyst", _("policy analyst")
    DISTRICT_COORDINATOR = "district_coordinator", _("district coordinator")
    FRONTLINE_WORKER = "frontline_worker", _("frontline worker")
    PREVENTION_OFFICER = "prevention_officer", _("prevention officer / case-consultation chair")
    PARTNER_PROFESSIONAL = "partner_professional", _("partner professional")
    DATA_PROTECTION_OFFICER = "data_protection_officer", _("data-protection officer")


# Roles whose work spans the whole city rather than one home district.
CITY_WIDE_ROLES = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.POLICY_ANALYST,
        Role.PREVENTION_OFFICER,
        Role.DATA_PROTECTION_OFFICER,
    }
)
# Roles that work in one home district and see that district's pages.
DISTRICT_ROLES = frozenset({Role.DISTRICT_COORDINATOR, Role.FRONTLINE_WORKER})
# Roles that read the signal statistics, small cells suppressed, across the city: the
# statistics export and API, and the page that sets them beside other cities'.
STATISTICS_ROLES = frozenset({Role.ADMINISTRATOR, Role.POLICY_ANALYST})
# Roles that see staff records of others (the directory).
DIRECTORY_ROLES = frozenset(
    {Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER, Role.DISTRICT_COORDINATOR}
)


def requires_two_factor(role: str) -> bool:
    """Whether people in this role must sign in with a second factor."""
    return role in settings.MFA_REQUIRED_ROLES


# Modules that give people duties beyond their role (a seat at the case consultation, say)
# add a rule here; the shell never imports those modules.
_two_factor_rules: list[Callable[[Any], bool]] = []


def add_two_factor_rule(rule: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """Register `rule(user) -> bool`: True when this person must use a second factor."""
    if rule not in _two_factor_rules:
        _two_factor_rules.append(rule)
    return rule


def user_requires_two_factor(user) -> bool:
    """Whether this person must sign in with a second factor: by role, or by a module's rule."""
    if not getattr(user, "is_authenticated", False):
        return False
    return requires_two_factor(user.role) or any(rule(user) for rule in _two_factor_rules)


# Modules that give people a duty beyond their role (the mayor's seat at the case consultation)
# name it here, so that the person's home page says who they are in Samen.
_duty_rules: list[Callable[[Any], list[str]]] = []


def add_duties(describe: Callable[[Any], list[str]]) -> Callable[[Any], list[str]]:
    """Register `describe(user) -> [duty, ...]`: the duties a module gives this person, in
    words of the active language."""
    if describe not in _duty_rules:
        _duty_rules.append(describe)
    return describe


def duties_of(user) -> list[str]:
    """The duties the modules give `user` beyond their role, in words."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [duty for describe in _duty_rules for duty in describe(user)]


# Roles with powers beyond one's own work: each must be re-confirmed by an administrator
# other than the holder every SAMEN_ROLE_RECERTIFY_MONTHS, or it lapses by itself.
ELEVATED_ROLES = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.DATA_PROTECTION_OFFICER,
        Role.PREVENTION_OFFICER,
        Role.POLICY_ANALYST,
    }
)
# How long before a lapse the administrators' home page warns.
RECERTIFY_WARNING_DAYS = 30


def recertify_months() -> int:
    return settings.SAMEN_ROLE_RECERTIFY_MONTHS
