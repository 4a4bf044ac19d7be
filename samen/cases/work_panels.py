"""What the case work adds to the navigation."""

from django.utils.translation import gettext_lazy as _

from samen.cases.access import has_case_role_cached
from samen.core.navigation import add_nav_item

# Members see the meetings they take part in; the list itself applies the case rule.
add_nav_item(_("Case meetings"), "cases:meetings", order=44, when=has_case_role_cached)
