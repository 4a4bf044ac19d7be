"""Initiatives: the list (by district), an initiative's page (theory of change, outputs per
district and quarter, outcome indicators, evaluations, timeline) and its forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samen.core.categories import signal_category_names
from samen.core.follow_ups import signal_to_follow_up
from samen.core.lists import render_list
from samen.people.models import Organisation
from samen.places.models import Place, without_boundaries
from samen.policy import initiative_actions as act
from samen.policy.access import (
    check_may_create_initiatives,
    check_may_read,
    check_may_update_initiative,
    get_initiative_for_user,
    initiative_owner_choices,
    may_create_initiatives,
    may_update_initiative,
    visible_actions,
    visible_initiatives,
)
from samen.policy.forms import (
    EvaluationForm,
    InitiativeFilterForm,
    InitiativeForm,
    OutcomeForm,
    OutputForm,
    UpdateForm,
)
from samen.policy.models import Initiative, LifeDomain, OutputMeasure
from samen.policy.progress import placed_in
from samen.policy.views import form_page


@require_GET
@login_required
def initiative_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    check_may_read(user)
    filters = InitiativeFilterForm(request.GET or None)
    rows = visible_initiatives(user)
    if filters.is_valid():
        if filters.cleaned_data["district"]:
            rows = rows.filter(placed_in(Initiative, filters.cleaned_data["district"]))
        if filters.cleaned_data["status"]:
            rows = rows.filter(status=filters.cleaned_data["status"])
    return render_list(
        request,
        "policy/initiative_list.html",
        "policy/initiative_rows.html",
        rows.prefetch_related(Prefetch("places", queryset=Place.objects.without_boundary())),
        {"filters": filters, "may_create": may_create_initiatives(user)},
        ordering=("title", "pk"),
    )


def _outputs(initiative) -> dict:
    """The outputs per kind as tables: a row per district, a column per quarter."""
    measures = list(without_boundaries(initiative.output_measures.all(), "place"))
    quarters = sorted({m.period_start for m in measures})
    tables = []
    for kind, label in OutputMeasure.Kind.choices:
        of_kind = [m for m in measures if m.kind == kind]
        if not of_kind:
            continue
        cells = {(m.place, m.period_start, m.label): m.value for m in of_kind}
        rows = sorted({(m.place, m.label) for m in of_kind}, key=lambda r: (r[0].name, r[1]))
        tables.append(
            {
                "label": label,
                "rows": [
                    (place, text, [cells.get((place, q, text)) for q in quarters])
                    for place, text in rows
                ],
            }
        )
    return {"quarters": [f"Q{(q.month - 1) // 3 + 1} {q.year}" for q in quarters], "tables": tables}


@require_GET
@login_required
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    initiative = get_initiative_for_user(user, pk)
    domains = dict(LifeDomain.choices)
    categories = signal_category_names()
    return render(
        request,
        "policy/initiative.html",
        {
            "initiative": initiative,
            "places": initiative.places.all(),
            "life_domains": [str(domains.get(c, c)) for c in initiative.life_domains],
            "categories": [str(categories.get(c, c)) for c in initiative.signal_categories],
            "actions": visible_actions(user).filter(initiatives=initiative).order_by("code"),
            "outputs": _outputs(initiative),
            "indicators": initiative.outcome_indicators.all(),
            "evaluations": initiative.evaluations.all(),
            "updates": initiative.updates.select_related("by"),
            "may_update": may_update_initiative(user, initiative),
        },
    )


def _to_initiative(request, message):
    def done(record):
        messages.success(request, message)
        initiative = getattr(record, "initiative", record)
        return redirect("policy:initiative", pk=initiative.pk)

    return done


@require_http_methods(["GET", "POST"])
@login_required
def initiative_new(request: HttpRequest) -> HttpResponse:
    """Open an initiative, or follow up `?signal=<pk>` with one."""
    user = request.user
    signal = None
    if request.GET.get("signal"):
        signal = signal_to_follow_up(user, request.GET["signal"])
    check_may_create_initiatives(user)
    initial = {"status": "planned", "level": "municipal", "starts": timezone.localdate()}
    if signal is not None:
        initial["places"] = [signal.district_id]
    owners = initiative_owner_choices(user)
    form = InitiativeForm(request.POST or None, owners=owners, initial=initial)
    return form_page(
        request,
        form,
        lambda: act.initiative_create(by=user, fields=form.to_fields(), signal=signal),
        done=_to_initiative(request, _("The initiative is saved.")),
        context={
            "title": _("New initiative"),
            "signal": signal,
            "back": ("policy:initiatives", ()),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    initiative = get_initiative_for_user(user, pk)
    check_may_update_initiative(user, initiative)
    # Those they may choose, and the one it has (which staff of a partner keep).
    owners = Organisation.objects.filter(
        Q(pk__in=initiative_owner_choices(user).values("pk")) | Q(pk=initiative.owner_id)
    )
    form = InitiativeForm(
        request.POST or None,
        owners=owners,
        initial=InitiativeForm.initial_from(initiative),
    )
    return form_page(
        request,
        form,
        lambda: act.initiative_update(by=user, initiative=initiative, fields=form.to_fields()),
        done=_to_initiative(request, _("The initiative is saved.")),
        context={"title": initiative.title, "back": ("policy:initiative", (initiative.pk,))},
    )


def _initiative_to_update(request, pk):
    initiative = get_initiative_for_user(request.user, pk)
    check_may_update_initiative(request.user, initiative)
    return initiative


@require_http_methods(["GET", "POST"])
@login_required
def output_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    initiative = _initiative_to_update(request, pk)
    form = OutputForm(request.POST or None, today=timezone.localdate())
    return form_page(
        request,
        form,
        lambda: act.output_record(by=user, initiative=initiative, **form.cleaned_data),
        done=_to_initiative(request, _("The output is recorded.")),
        context={
            "title": _("Record outputs"),
            "subtitle": initiative.title,
            "back": ("policy:initiative", (initiative.pk,)),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def outcome_indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    initiative = _initiative_to_update(request, pk)
    form = OutcomeForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: act.outcome_indicator_set(by=user, initiative=initiative, fields=form.to_fields()),
        done=_to_initiative(request, _("The outcome indicator is saved.")),
        context={
            "title": _("New outcome indicator"),
            "subtitle": initiative.title,
            "back": ("policy:initiative", (initiative.pk,)),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def outcome_indicator_edit(request: HttpRequest, pk: int, indicator: int) -> HttpResponse:
    user = request.user
    initiative = _initiative_to_update(request, pk)
    found = get_object_or_404(initiative.outcome_indicators, pk=indicator)
    form = OutcomeForm(request.POST or None, initial=OutcomeForm.initial_from(found))
    return form_page(
        request,
        form,
        lambda: act.outcome_indicator_set(
            by=user, initiative=initiative, indicator=found, fields=form.to_fields()
        ),
        done=_to_initiative(request, _("The outcome indicator is saved.")),
        context={
            "title": found.title,
            "subtitle": initiative.title,
            "back": ("policy:initiative", (initiative.pk,)),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def evaluation_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    initiative = _initiative_to_update(request, pk)
    form = EvaluationForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: act.evaluation_add(by=user, initiative=initiative, **form.cleaned_data),
        done=_to_initiative(request, _("The evaluation is added.")),
        context={
            "title": _("New evaluation"),
            "subtitle": initiative.title,
            "back": ("policy:initiative", (initiative.pk,)),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def update_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    initiative = _initiative_to_update(request, pk)
    form = UpdateForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: act.initiative_update_add(by=user, initiative=initiative, **form.cleaned_data),
        done=_to_initiative(request, _("The update is added to the timeline.")),
        context={
            "title": _("New update"),
            "subtitle": initiative.title,
            "back": ("policy:initiative", (initiative.pk,)),
        },
    )
