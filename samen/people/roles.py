"""The roles of Samen and what each may see, in one place."""

from __future__ import annotations

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
# Roles that see staff records of others (the directory).
DIRECTORY_ROLES = frozenset(
    {Role.ADMINISTRATOR, Role.DATA_PROTECTION_OFFICER, Role.DISTRICT_COORDINATOR}
)


def requires_two_factor(role: str) -> bool:
    """Whether people in this role must sign in with a second factor."""
    return role in settings.MFA_REQUIRED_ROLES
