from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from samen.core.navigation import panels_for
from samen.people.roles import CITY_WIDE_ROLES
from samen.places.access import get_place_for_user
from samen.places.maps import draw_map
from samen.places.models import Place


@require_GET
@login_required
def city(request: HttpRequest) -> HttpResponse:
    """The city overview: every current district, on a map and in a table."""
    if request.user.role not in CITY_WIDE_ROLES:
        raise PermissionDenied
    districts = list(Place.objects.current().districts().order_by("name_nl"))
    history = (
        Place.objects.districts().without_boundary().filter(valid_until__lte=timezone.localdate())
    )
    return render(
        request,
        "places/city.html",
        {"districts": districts, "map": draw_map(districts), "former_districts": history},
    )


@require_GET
@login_required
def place_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A district's (or neighbourhood's) page, which the modules fill with their panels."""
    place = get_place_for_user(request.user, code)
    shapes = [place, *place.children.all()] if place.kind == Place.Kind.DISTRICT else [place]
    return render(
        request,
        "places/place_detail.html",
        {
            "place": place,
            "map": draw_map(shapes),
            "panels": panels_for("district", request, place=place),
        },
    )
