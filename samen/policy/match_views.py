"""The context match of each place and the progress pages: thin views, read only.

Everyone signed in reads them (samen.policy.access); the signal counts inside a context
match follow the tension monitor's rule, applied by the monitor itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from samen.people.models import PolicyLevel
from samen.places.models import Place
from samen.policy import progress
from samen.policy.access import (
    check_may_read,
    get_strategy_for_user,
    visible_actions,
    visible_strategies,
)
from samen.policy.context import context_match
from samen.policy.models import Objective

# Place pages need names, not boundaries (large GeoJSON).
PLACE_FIELDS = ("pk", "kind", "code", "name_nl", "name_fr", "name_en", "parent_id")
ACTION_FIELDS = (
    "pk",
    "code",
    "title",
    "status",
    "progress",
    "planned_start",
    "planned_end",
    "budget_planned",
    "budget_spent",
    "objective_id",
    "plan_id",
    "plan__title",
    "plan__strategy_id",
)


class ProgressFilterForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=Place.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("All districts"),
    )
    funding_level = forms.ChoiceField(label=_("Funding policy level"), required=False)
    standing = forms.ChoiceField(
        label=_("Actions listed"), required=False, choices=progress.Standing.choices
    )

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["district"].queryset = (
            Place.objects.current().districts().only(*PLACE_FIELDS).order_by("name_nl")
        )
        self.fields["funding_level"].choices = [("", _("All levels")), *PolicyLevel.choices]

    def chosen(self, name: str):
        return self.cleaned_data.get(name) if self.is_valid() else None

    def filter(self, actions):
        """`actions` in the chosen district and at the chosen funding level."""
        district, level = self.chosen("district"), self.chosen("funding_level")
        if district:
            actions = actions.filter(progress.actions_in(district))
        if level:
            actions = actions.filter(funding_level=level)
        return actions


@dataclass
class ObjectiveRow:
    objective: Objective | None  # None: the actions that serve no objective
    tally: progress.Tally
    depth: int = 0


# --- The context match -------------------------------------------------------------------


@require_GET
@login_required
def match_index(request: HttpRequest) -> HttpResponse:
    """Every district and its neighbourhoods, each a link to its context match."""
    check_may_read(request.user)
    places = Place.objects.current().only(*PLACE_FIELDS).order_by("name_nl")
    districts, neighbourhoods = places.districts(), places.neighbourhoods()
    by_district: dict[int, list[Place]] = {}
    for neighbourhood in neighbourhoods:
        by_district.setdefault(neighbourhood.parent_id, []).append(neighbourhood)
    return render(
        request,
        "policy/match/index.html",
        {
            "districts": [(d, by_district.get(d.pk, [])) for d in districts],
            "home_district": request.user.home_district,
        },
    )


@require_GET
@login_required
def match_place(request: HttpRequest, code: str) -> HttpResponse:
    """A place's rising signals and lagging indicators beside the actions that answer them."""
    check_may_read(request.user)
    # Places are public facts: an unknown code is 404 to all.
    places = Place.objects.current().only(*PLACE_FIELDS)
    place = get_object_or_404(
        places.filter(kind__in=(Place.Kind.DISTRICT, Place.Kind.NEIGHBOURHOOD)), code=code
    )
    return render(
        request,
        "policy/match/place.html",
        {"match": context_match(place, reader=request.user)},
    )


# --- Progress ------------------------------------------------------------------------------


ACTIONS_PER_PAGE = 50


def _actions(user, form: ProgressFilterForm, **only) -> list[SimpleNamespace]:
    """The visible actions the filters keep, as light rows the standing rule reads."""
    actions = form.filter(visible_actions(user).filter(**only)).select_related(None)
    return [SimpleNamespace(**values) for values in actions.values(*ACTION_FIELDS)]


@require_GET
@login_required
def progress_overview(request: HttpRequest) -> HttpResponse:
    """Every strategy: its actions on track, behind and done, its budget spent and planned."""
    check_may_read(request.user)
    form = ProgressFilterForm(request.GET)
    today = timezone.localdate()
    tallies: dict[int, progress.Tally] = {}
    total = progress.Tally()
    for action in _actions(request.user, form):
        standing = progress.action_standing(action, today)
        tallies.setdefault(action.plan__strategy_id, progress.Tally()).add(action, standing)
        total.add(action, standing)
    strategies = [
        (strategy, tallies.get(strategy.pk, progress.Tally()))
        for strategy in visible_strategies(request.user)
    ]
    return render(
        request,
        "policy/progress/overview.html",
        {"form": form, "strategies": strategies, "total": total, "today": today},
    )


def _objective_rows(objectives: list[Objective], tallies: dict) -> list[ObjectiveRow]:
    """Each strategic objective (its operational ones' actions included), then its
    operational ones, then the actions without an objective."""
    children: dict[int | None, list[Objective]] = {}
    for objective in objectives:
        children.setdefault(objective.parent_id, []).append(objective)
    rows = []

    def walk(objective: Objective, depth: int) -> progress.Tally:
        row = ObjectiveRow(objective, progress.Tally(), depth)
        rows.append(row)
        row.tally.merge(tallies.get(objective.pk))
        for child in children.get(objective.pk, []):
            row.tally.merge(walk(child, depth + 1))
        return row.tally

    for top in children.get(None, []):
        walk(top, 0)
    if tallies.get(None):
        rows.append(ObjectiveRow(None, tallies[None]))
    return rows


@require_GET
@login_required
def progress_strategy(request: HttpRequest, pk: int) -> HttpResponse:
    """A strategy's progress per objective, and its actions in the chosen standing."""
    strategy = get_strategy_for_user(request.user, pk)
    form = ProgressFilterForm(request.GET)
    listed = form.chosen("standing") or progress.BEHIND
    today = timezone.localdate()
    tallies: dict[int | None, progress.Tally] = {}
    total = progress.Tally()
    chosen = []
    for action in _actions(request.user, form, plan__strategy=strategy):
        action.standing = progress.action_standing(action, today)
        action.expected = progress.expected_progress(action, today)
        tallies.setdefault(action.objective_id, progress.Tally()).add(action, action.standing)
        total.add(action, action.standing)
        if action.standing == listed:
            chosen.append(action)
    objectives = list(strategy.objectives.all())
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "policy/progress/strategy.html",
        {
            "strategy": strategy,
            "form": form,
            "rows": _objective_rows(objectives, tallies),
            "total": total,
            "listed": listed,
            "listed_label": dict(form.fields["standing"].choices)[listed],
            "page": Paginator(chosen, ACTIONS_PER_PAGE).get_page(request.GET.get("page")),
            "query": query.urlencode(),
            "today": today,
        },
    )
