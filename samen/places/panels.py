"""What the places module adds to the navigation, the home page and the district page."""

from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item, add_panel
from samen.people.roles import CITY_WIDE_ROLES, DISTRICT_ROLES
from samen.places.models import Place

add_nav_item(_("Districts"), "places:city", roles=CITY_WIDE_ROLES, order=20)


@add_panel("home", "places/panels/home_district.html", roles=DISTRICT_ROLES, order=10)
def home_district(request):
    district = request.user.home_district
    return {"district": district} if district else None


@add_panel("home", "places/panels/home_city.html", roles=CITY_WIDE_ROLES, order=10)
def home_city(request):
    districts = Place.objects.current().districts().without_boundary().order_by("name_nl")
    return {"districts": districts}


@add_panel("district", "places/panels/neighbourhoods.html", order=10)
def neighbourhoods(request, place):
    children = place.children.without_boundary().order_by("name_nl")
    return {"neighbourhoods": children} if children else None
