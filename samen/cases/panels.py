"""What the case consultation adds to the navigation, and its second-factor rule."""

from django.utils.translation import gettext_lazy as _

from samen.cases.access import has_case_role_cached
from samen.core.navigation import add_nav_item
from samen.people.roles import add_two_factor_rule

# Only people with a seat or a current invitation see the module at all.
add_nav_item(_("Case consultation"), "cases:list", order=40, when=has_case_role_cached)
# Everyone with a case role must use a second factor, whatever their role says.
add_two_factor_rule(has_case_role_cached)
