"""What the case consultation adds to the navigation, and its second-factor rule."""

from django.utils.translation import gettext_lazy as _

from samen.cases.access import REFERRING_ROLES, STATISTICS_ROLES, has_case_role_cached
from samen.core.navigation import add_nav_item, add_panel
from samen.people.roles import Role, add_two_factor_rule

# Only people with a seat or a current invitation see the module itself.
add_nav_item(_("Case consultation"), "cases:list", order=40, when=has_case_role_cached)
add_nav_item(_("Case statistics"), "cases:statistics", roles=STATISTICS_ROLES, order=42)
add_nav_item(
    _("Person export"), "cases:person_export", roles=[Role.DATA_PROTECTION_OFFICER], order=43
)
# Everyone with a case role must use a second factor, whatever their role says.
add_two_factor_rule(has_case_role_cached)


@add_panel("home", "cases/panels/refer.html", roles=REFERRING_ROLES, order=60)
def refer(request):
    """Where partners find the referral form: the navigation is for members only."""
    return None if has_case_role_cached(request.user) else {}
