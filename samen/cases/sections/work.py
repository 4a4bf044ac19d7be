"""The case work's sections of a case page and its export: meetings, assessments, the
support plan and police exchanges. Each gets only a case that came through
access.get_case_for_reader (see samen.cases.sections)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from samen.cases import access
from samen.cases.access.work import case_members, may_organise_meetings
from samen.cases.actions.support import aftercare_months
from samen.cases.forms.work import (
    PlanActionForm,
    PlanCloseForm,
    PlanReviewForm,
    PoliceExchangeForm,
    StatusForm,
)
from samen.cases.models import AgendaItem, Assessment, Case, PoliceExchange, SupportPlan
from samen.cases.sections import FilledSection, case_section, sections_for
from samen.cases.sections.assessment_changes import with_changes


def held(case) -> dict[str, bool]:
    """Which kinds of case work `case` holds, in one query, remembered on the case object for
    the page being built: an empty section then costs nothing."""
    if "_samen_case_work" not in case.__dict__:
        found = (
            Case.objects.filter(pk=case.pk)
            .annotate(
                has_items=Exists(AgendaItem.objects.filter(case=OuterRef("pk"))),
                has_assessments=Exists(Assessment.objects.filter(case=OuterRef("pk"))),
                has_plan=Exists(SupportPlan.objects.filter(case=OuterRef("pk"))),
                has_exchanges=Exists(PoliceExchange.objects.filter(case=OuterRef("pk"))),
            )
            .values("has_items", "has_assessments", "has_plan", "has_exchanges")
            .first()
        )
        case.__dict__["_samen_case_work"] = found or {}
    return case.__dict__["_samen_case_work"]


@case_section(40, "cases/work/sections/meetings.html")
def meetings(case, *, reader, export: bool) -> dict:
    if not held(case).get("has_items"):
        return {"items": [], "organiser": False}
    items = (
        case.agenda_items.select_related("meeting", "meeting__chair", "minutes_by")
        .prefetch_related("decisions__owner", "decisions__owner_organisation")
        .order_by("-meeting__held_on", "-pk")
    )
    return {
        "items": items,
        "today": access.today(),
        "organiser": not export and may_organise_meetings(reader),
    }


@case_section(50, "cases/work/sections/assessments.html")
def assessments(case, *, reader, export: bool) -> dict:
    signed = []
    if held(case).get("has_assessments"):
        signed = list(case.assessments.select_related("signed_by", "corrects"))
    return {"assessments": with_changes(signed), "may_write": not export and case.is_open}


@case_section(60, "cases/work/sections/support.html")
def support(case, *, reader, export: bool) -> dict:
    plan = None
    if held(case).get("has_plan"):
        plan = SupportPlan.objects.filter(case=case).select_related("closed_by").first()
    today = access.today()
    context: dict = {"plan": plan, "today": today, "may_write": not export and case.is_open}
    if plan is None:
        context["may_open"] = not export and case.is_open
        return context
    aftercare_reviews = list(plan.aftercare_reviews.select_related("done_by"))
    context.update(
        actions=[
            (a, a.is_overdue(today))
            for a in plan.actions.select_related("owner", "owner_organisation")
        ],
        reviews=plan.reviews.select_related("by"),
        aftercare_reviews=[(f, f.state(today)) for f in aftercare_reviews],
        pending_aftercare_reviews=[f for f in aftercare_reviews if f.done_on is None],
        months=aftercare_months(),
        # The mayor closes the case: remind them when aftercare reviews are still planned.
        remind_controller=(
            not export
            and case.is_open
            and any(f.done_on is None for f in aftercare_reviews)
            and access.controls_case_list(reader)
        ),
    )
    if not export and case.is_open:
        context.update(
            action_form=PlanActionForm(owners=case_members(case)),
            status_form=StatusForm(),
            review_form=PlanReviewForm(),
            close_form=PlanCloseForm(),
        )
    # Aftercare reviews may be recorded after the case closed (actions.support).
    context["may_record_aftercare"] = not export
    return context


@case_section(70, "cases/work/sections/police.html")
def police(case, *, reader, export: bool) -> dict:
    exchanges = []
    if held(case).get("has_exchanges"):
        exchanges = list(case.police_exchanges.select_related("exchanged_by"))
    context: dict = {"exchanges": exchanges}
    if not export and case.is_open:
        context["form"] = PoliceExchangeForm(
            members=case_members(case),
            initial={"exchanged_on": access.today(), "exchanged_by": reader},
        )
    return context


WORK_TEMPLATES = "cases/work/"


def case_work_sections(case, *, reader) -> list[FilledSection]:
    """The case work's sections as printed, for the data-protection officer's person export
    (GDPR art. 15): whoever calls this has read `case` through its access function."""
    return [
        section
        for section in sections_for(case, reader=reader, export=True)
        if section.template.startswith(WORK_TEMPLATES)
    ]
