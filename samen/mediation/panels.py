"""What the mediation module adds to the navigation, the home and district pages, and the
signal page (a signal can be followed up by a mediation)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.follow_ups import add_follow_up_start, add_reference_resolver
from samen.core.navigation import add_nav_item, add_panel
from samen.mediation.access import (
    MEDIATION_ROLES,
    MEDIATOR_ROLES,
    coordinated_mediations,
    is_mediation_coordinator,
    mediation_url_for,
    visible_mediations,
)
from samen.mediation.actions import FOLLOW_UP_KIND
from samen.mediation.models import DUE_SOON, Mediation
from samen.mediation.periods import idle_warning_months, warning_cutoff
from samen.places.models import without_boundaries

add_nav_item(_("Mediation"), "mediation:list", roles=MEDIATION_ROLES, order=20)
add_follow_up_start(FOLLOW_UP_KIND, _("Start a mediation"), "mediation:new")
add_reference_resolver(FOLLOW_UP_KIND, mediation_url_for)

LATEST = 10


def _aftercare_pending(mediations):
    return mediations.filter(
        aftercare_done_at__isnull=True,
        aftercare_due__lte=timezone.localdate() + DUE_SOON,
    )


@add_panel("district", "mediation/panels/district.html", roles=MEDIATION_ROLES, order=40)
def district_mediations(request, place) -> dict:
    """Open mediations of this place that this person may see: a count and the latest, and
    how many are idle long enough that their party data will soon be removed."""
    field = "district" if place.kind == "district" else "neighbourhood"
    here = visible_mediations(Mediation.objects.filter(**{field: place}), request.user)
    open_here = here.open()
    latest = without_boundaries(open_here, "neighbourhood").select_related("mediator")
    latest = latest.order_by("-created_at", "-pk")
    return {
        "place": place,
        "district_pk": place.pk if place.kind == "district" else place.parent_id,
        "open_count": open_here.count(),
        "mediations": latest[:LATEST],
        "overdue_count": here.filter(
            aftercare_done_at__isnull=True, aftercare_due__lt=timezone.localdate()
        ).count(),
        "idle_count": here.idle_since_before(warning_cutoff()).count(),
        "idle_months": idle_warning_months(),
    }


@add_panel("home", "mediation/panels/home.html", roles=MEDIATOR_ROLES, order=20)
def my_mediations(request) -> dict | None:
    """A mediator's open mediations and aftercare checks; a coordinator's waiting intakes and
    the idle mediations in their scope (stalled intakes have no mediator to see them)."""
    user = request.user
    mine = Mediation.objects.filter(mediator=user)
    open_mine = without_boundaries(mine.open(), "district").order_by("-created_at", "-pk")
    open_mine = list(open_mine[:LATEST])
    checks = without_boundaries(_aftercare_pending(mine), "district").order_by("aftercare_due")
    checks = list(checks)
    waiting = idle = None
    if is_mediation_coordinator(user):
        intakes = Mediation.objects.filter(status=Mediation.Status.INTAKE)
        waiting = coordinated_mediations(intakes, user).count()
        idle = coordinated_mediations(
            Mediation.objects.idle_since_before(warning_cutoff()), user
        ).count()
    if not open_mine and not checks and waiting is None:
        return None
    return {
        "open_mine": open_mine,
        "checks": checks,
        "waiting": waiting,
        "idle": idle,
        "idle_months": idle_warning_months(),
    }
