"""Who may see and change indicators.

Indicators are aggregate figures about places, public facts for the city's staff: every
signed-in, active person sees them, whatever their role or district; values under the
small-number rule are never shown to anyone (samen.indicators.formulas). Administrators
change data elements, indicators and source mappings, and import files.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from samen.indicators.models import DataImport, Indicator
from samen.people.roles import Role


def may_read(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def may_administer(user) -> bool:
    return may_read(user) and user.role == Role.ADMINISTRATOR


def check_may_read(user) -> None:
    if not may_read(user):
        raise PermissionDenied


def check_may_administer(user) -> None:
    """Refuse (403) everyone but administrators: the pages exist for all to know of."""
    if not may_administer(user):
        raise PermissionDenied


def visible_indicators(user):
    """The indicators this person may see: all of them, to anyone signed in."""
    indicators = Indicator.objects.all()
    return indicators if may_read(user) else indicators.none()


def get_indicator_for_user(user, code: str):
    """The indicator with this code: 404 when there is none, 403 when the user may not read."""
    check_may_read(user)
    return get_object_or_404(visible_indicators(user), code=code)


def visible_imports(user):
    """The imports this person may follow: all of them, to administrators only."""
    imports = DataImport.objects.select_related("mapping", "imported_by")
    return imports if may_administer(user) else imports.none()


def get_import_for_user(user, pk: int):
    """An import's progress and outcome, for administrators: 404 when absent, 403 otherwise."""
    check_may_administer(user)
    return get_object_or_404(visible_imports(user), pk=pk)
