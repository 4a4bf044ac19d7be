"""What the people module adds to the navigation, the home page and the district page."""

import datetime

from allauth.mfa.models import Authenticator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.dates import add_months
from samen.core.navigation import add_nav_item, add_panel
from samen.people.access import visible_staff
from samen.people.models import User
from samen.people.roles import (
    DIRECTORY_ROLES,
    ELEVATED_ROLES,
    RECERTIFY_WARNING_DAYS,
    Role,
    recertify_months,
    user_requires_two_factor,
)

add_nav_item(_("Home"), "home", order=0)
add_nav_item(_("Staff"), "people:directory", roles=DIRECTORY_ROLES, order=60)
add_nav_item(
    _("Organisations"),
    "people:organisations",
    roles=[r for r in Role.values if r != Role.PARTNER_PROFESSIONAL],
    order=70,
)


@add_panel("home", "people/panels/account_security.html", order=90)
def account_security(request):
    user = request.user
    return {
        "has_totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        "two_factor_required": user_requires_two_factor(user),
    }


@add_panel("home", "people/panels/partner_welcome.html", roles=[Role.PARTNER_PROFESSIONAL])
def partner_welcome(request):
    return {"organisations": request.user.organisations.all()}


@add_panel("district", "people/panels/district_staff.html", order=80)
def district_staff(request, place):
    if request.user.role not in DIRECTORY_ROLES:
        return None
    teams = place.teams.all()
    count = visible_staff(request.user).filter(home_district=place).count()
    return {"teams": teams, "staff_count": count, "place": place}


def roles_to_reconfirm() -> list:
    """Elevated roles that lapse within the warning period (or lapsed), soonest first."""
    horizon = timezone.localdate() + datetime.timedelta(days=RECERTIFY_WARNING_DAYS)
    # A generous cut in the database; the exact lapse day (month ends) is the model's.
    confirmed_before = add_months(horizon, -recertify_months()) + datetime.timedelta(days=4)
    candidates = User.objects.filter(is_active=True, role__in=ELEVATED_ROLES).filter(
        Q(role_confirmed_at__isnull=True) | Q(role_confirmed_at__date__lte=confirmed_before)
    )
    due = [member for member in candidates if member.role_lapses_on <= horizon]
    return sorted(due, key=lambda member: (member.role_lapses_on, member.full_name))


@add_panel("home", "people/panels/roles_to_reconfirm.html", roles=[Role.ADMINISTRATOR], order=5)
def roles_to_reconfirm_panel(request):
    due = roles_to_reconfirm()
    if not due:
        return None
    return {"due": due, "me": request.user}
