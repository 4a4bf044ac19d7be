"""What the signals module adds to the navigation, the home page, the district page and the
district's tension monitor, and its rules for the modules that follow a signal up
(samen.core.follow_ups)."""

from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from samen.core.categories import set_signal_categories
from samen.core.follow_ups import add_reference_resolver, set_signal_rules
from samen.core.navigation import add_nav_item, add_panel
from samen.core.published import Published, add_published
from samen.places.models import without_boundaries
from samen.signals.access import (
    ALL_SIGNALS_ROLES,
    REPORTING_ROLES,
    get_signal_to_follow_up,
    may_open_signal,
    sees_whole_district,
    visible_signals,
)
from samen.signals.actions import signal_follow_up
from samen.signals.models import Category, FollowUp, Signal
from samen.signals.statistics import published_read

add_nav_item(_("Signals"), "signals:list", roles=REPORTING_ROLES, order=10)
add_nav_item(
    _("Statistics"), "signal_exchange:export_statistics", roles=ALL_SIGNALS_ROLES, order=40
)
set_signal_rules(
    to_follow_up=get_signal_to_follow_up, visible=may_open_signal, record=signal_follow_up
)
# The statistics API's table, which another city's Samen answers at the same address: the
# page of other cities sets this city's beside theirs (samen.peers).
add_published(
    Published(
        code="signals",
        title=_("Signal statistics"),
        api_path=reverse_lazy("api:statistics"),
        read=published_read,
        order=10,
    )
)


def _signal_url(user, identifier: str) -> str | None:
    """A signal another record refers to ("signal:12"), for those who may open it."""
    if not identifier.isdigit() or not may_open_signal(user, int(identifier)):
        return None
    return reverse("signals:detail", args=[int(identifier)])


add_reference_resolver("signal", _signal_url)


def categories_in_use() -> list[tuple[str, str, str]]:
    """(code, name, group name) of the categories in use, for modules that tag by category."""
    found = Category.objects.filter(parent__isnull=False, is_active=True).select_related("parent")
    return [(c.code, c.name, c.parent.name) for c in found.order_by("parent__order", "order")]


set_signal_categories(categories_in_use)

LATEST = 8
LATEST_ON_MONITOR = 10  # signals and follow-ups listed on a district's monitor


@add_panel("home", "signals/panels/home_report.html", roles=REPORTING_ROLES, order=5)
def report_a_signal(request):
    mine = without_boundaries(Signal.objects.filter(reporter=request.user), "district")
    return {"my_signals": mine.order_by("-created_at")[:5]}


@add_panel("district", "signals/panels/latest_signals.html", roles=REPORTING_ROLES, order=30)
def latest_signals(request, place):
    field = "district" if place.kind == "district" else "neighbourhood"
    signals = visible_signals(Signal.objects.filter(**{field: place}), request.user)
    latest = without_boundaries(signals, "district", "neighbourhood")
    latest = latest.order_by("-occurred_at", "-pk")
    district = place.pk if place.kind == "district" else place.parent_id
    return {"signals": latest[:LATEST], "place": place, "district_pk": district}


@add_panel("monitor", "signals/panels/monitor_signals.html", order=10)
def monitor_signals(request, place, form):
    """The latest signals and open follow-ups under a district's monitor, narrowed by its
    filters (`form`, a MonitorFilterForm), as far as this person may see them."""
    in_district = visible_signals(Signal.objects.filter(district=place), request.user)
    signals = without_boundaries(form.apply(in_district), "neighbourhood")
    follow_ups = FollowUp.objects.filter(is_open=True, district=place)
    if not sees_whole_district(request.user, place):
        follow_ups = follow_ups.filter(signal__in=in_district)
    query = request.GET.copy()
    query["district"] = place.pk
    return {
        "signals": signals.order_by("-occurred_at", "-pk")[:LATEST_ON_MONITOR],
        "signals_url": f"{reverse('signals:list')}?{query.urlencode()}",
        "follow_ups": follow_ups.select_related("signal").order_by("-created_at")[
            :LATEST_ON_MONITOR
        ],
        "follow_up_count": follow_ups.count(),
    }
