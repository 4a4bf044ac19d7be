"""What the prevention policy module adds to the navigation, the home and district pages and
a signal's follow-ups."""

from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item

# Every signed-in role (roles=None); the views send the anonymous to sign in.
add_nav_item(_("Prevention policy"), "policy:index", order=48)
