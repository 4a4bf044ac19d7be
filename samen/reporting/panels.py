"""What the reports to other levels add to the navigation and the home page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from samen.core.navigation import add_nav_item, add_panel
from samen.reporting.access import MAKERS, READERS, may_draw
from samen.reporting.models import LevelReport

add_nav_item(_("Reports to other levels"), "reporting:list", roles=READERS, order=49)


@add_panel("home", "reporting/panels/home.html", roles=MAKERS, order=32)
def reports_waiting(request):
    """Drafts the person may sign off (drawn by someone else) and signed-off reports not sent."""
    if not may_draw(request.user):
        return None
    waiting = [
        report
        for report in LevelReport.objects.exclude(status=LevelReport.Status.SENT)
        if report.status == LevelReport.Status.SIGNED_OFF or report.drawn_by_id != request.user.pk
    ]
    return {"waiting": waiting} if waiting else None
