"""What the people module adds to the navigation, the home page and the district page."""

from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item, add_panel
from samen.people.roles import DIRECTORY_ROLES, Role, user_requires_two_factor

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
    from samen.people.access import visible_staff

    teams = place.teams.all()
    count = visible_staff(request.user).filter(home_district=place).count()
    return {"teams": teams, "staff_count": count, "place": place}
