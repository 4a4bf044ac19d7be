"""What the indicators module adds to the navigation and the place pages."""

from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item, add_panel
from samen.indicators.access import may_read
from samen.indicators.context import context_for
from samen.places.models import Place

# Every signed-in role (roles=None); the view refuses the anonymous.
add_nav_item(_("Indicators"), "indicators:overview", order=45)


@add_panel("district", "indicators/panels/context.html", order=25)
def place_context(request, place: Place) -> dict | None:
    """The context section of a district's or neighbourhood's page."""
    if not may_read(request.user) or place.kind == Place.Kind.CITY:
        return None
    return context_for(place)
