"""The prevention policy's section of the yearly report to other policy levels
(samen.core.level_reports): the progress of every action plan that ran in the year.

Each action stands where `progress.action_standing` puts it on the year's last day (or today,
for the running year): the same rule as the progress pages and the plans' own yearly reports.
Plans and actions are about the city's work, never about persons, so nothing is suppressed.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.core.level_reports import ReportColumn, ReportSection, add_report_section
from samen.places.models import without_boundaries
from samen.policy.models import ActionPlan
from samen.policy.progress import Tally, action_standing


def plan_progress(year: int) -> list[dict]:
    """One row per action plan that ran in `year`, with its actions' standing and budget."""
    as_of = min(datetime.date(year, 12, 31), timezone.localdate())
    plans = (
        without_boundaries(ActionPlan.objects.all(), "district")
        .filter(starts__lte=datetime.date(year, 12, 31))
        .filter(ends__gte=datetime.date(year, 1, 1))
        .select_related("strategy")
        .prefetch_related("actions")
        .order_by("strategy__title", "title", "pk")
    )
    rows = []
    for plan in plans:
        tally = Tally()
        for action in plan.actions.all():
            tally.add(action, action_standing(action, as_of))
        rows.append(
            {
                "plan": plan.title,
                "strategy": plan.strategy.title,
                "district": plan.district.code if plan.district_id else "city",
                "actions": tally.total,
                "behind": tally.behind,
                "on_track": tally.on_track,
                "done": tally.done,
                "stopped": tally.stopped,
                "budget_planned": float(tally.planned),
                "budget_spent": float(tally.spent),
            }
        )
    return rows


add_report_section(
    ReportSection(
        code="action_plan_progress",
        title=_("Progress of the action plans"),
        columns=(
            ReportColumn("plan", _("action plan")),
            ReportColumn("strategy", _("strategy")),
            ReportColumn("district", _("district (official code, or 'city')")),
            ReportColumn("actions", _("actions")),
            ReportColumn("behind", _("behind")),
            ReportColumn("on_track", _("on track")),
            ReportColumn("done", _("done")),
            ReportColumn("stopped", _("stopped")),
            ReportColumn("budget_planned", _("budget planned (EUR)")),
            ReportColumn("budget_spent", _("budget spent (EUR)")),
        ),
        rows=plan_progress,
        order=30,
        note=_(
            "Each action's standing on the year's last day: behind when past its planned end "
            "or more than 15 points under a steady pace."
        ),
    )
)
