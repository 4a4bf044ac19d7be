"""What the exchanges add to the navigation and the home page."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item, add_panel
from samen.exchange.access import received_circulars, received_exchanges, sent_exchanges
from samen.exchange.models import Exchange

# Every signed-in role (roles=None): each sees only the exchanges of their side.
add_nav_item(_("Exchanges"), "exchange:inbox", order=55)

SHOWN = 8


@add_panel("home", "exchange/panels/home.html", order=25)
def exchanges_waiting(request):
    """Exchanges waiting for my organisation's answer, and overdue ones on either side."""
    user = request.user
    today = timezone.localdate()
    waiting = list(
        received_exchanges(user)
        .filter(status=Exchange.Status.OPEN)
        .order_by("due_on", "created_at")[: SHOWN + 1]
    )
    overdue_sent = list(
        sent_exchanges(user)
        .filter(status=Exchange.Status.OPEN, due_on__lt=today)
        .order_by("due_on")[:SHOWN]
    )
    unread = list(received_circulars(user).filter(read_at__isnull=True)[:SHOWN])
    if not (waiting or overdue_sent or unread):
        return None
    return {
        "waiting": waiting[:SHOWN],
        "more_waiting": len(waiting) > SHOWN,
        "overdue_sent": overdue_sent,
        "unread": unread,
        "today": today,
    }
