"""What the other cities add to the navigation and to the home page of those who read the
statistics."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item, add_panel
from samen.peers.models import Peer
from samen.people.roles import STATISTICS_ROLES

add_nav_item(_("Other cities"), "peers:compare", roles=STATISTICS_ROLES, order=45)


@add_panel("home", "peers/panels/home.html", roles=STATISTICS_ROLES, order=70)
def other_cities(request):
    """The other cities whose statistics can be read beside this city's; hidden when none."""
    names = list(Peer.objects.order_by("name").values_list("name", flat=True))
    return {"names": names} if names else None
