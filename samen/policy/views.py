"""The prevention policy's overview, strategies with their objectives, and action plans.

Thin views: the access rule, the form, the action, the answer. Actions and initiatives have
their own pages (action_views.py, initiative_views.py).
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samen.people.models import PolicyLevel
from samen.policy import actions
from samen.policy.access import (
    check_may_create_plans,
    check_may_edit_plan,
    check_may_edit_strategies,
    check_may_read,
    get_plan_for_user,
    get_strategy_for_user,
    may_create_initiatives,
    may_create_plans,
    may_edit_plan,
    may_edit_strategies,
    visible_actions,
    visible_plans,
    visible_strategies,
)
from samen.policy.forms import (
    ActionForm,
    ObjectiveForm,
    PlanFilterForm,
    PlanForm,
    StrategyForm,
    show_refusal,
)
from samen.policy.models import Objective, has_code
from samen.policy.progress import actions_in, expected_progress, is_behind


def form_page(
    request: HttpRequest,
    form,
    act: Callable[[], object],
    *,
    done: Callable[[object], HttpResponse],
    context: dict,
) -> HttpResponse:
    """Validate `form` on POST and run `act`; on success `done(result)`, else the form again
    with every problem in its error summary (400). `context["back"]` is (url name, args)."""
    if request.method == "POST" and form.is_valid():
        try:
            result = act()
        except ValidationError as refused:
            show_refusal(form, refused)
        else:
            return done(result)
    name, args = context.pop("back")
    context["back_url"] = reverse(name, args=args)
    status = 400 if form.errors else 200
    return render(request, "policy/form_page.html", {"form": form, **context}, status=status)


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Strategies by policy level, and the action plans under them."""
    user = request.user
    check_may_read(user)
    strategies = visible_strategies(user).annotate(plan_count=Count("plans"))
    levels = dict(PolicyLevel.choices)
    by_level = {}
    for strategy in strategies.order_by("level", "-starts", "title"):
        by_level.setdefault(str(levels.get(strategy.level, strategy.level)), []).append(strategy)
    plans = visible_plans(user).annotate(action_count=Count("actions"))
    return render(
        request,
        "policy/index.html",
        {
            "by_level": by_level,
            "city_plans": plans.filter(district__isnull=True).order_by("-starts", "title"),
            "district_plans": plans.filter(district__isnull=False).order_by(
                "district__name_nl", "-starts"
            ),
            "may_edit_strategies": may_edit_strategies(user),
            "may_create_initiatives": may_create_initiatives(user),
        },
    )


# --- Strategies and objectives ----------------------------------------------------------------


@require_GET
@login_required
def strategy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A strategy: its facts, its objectives as a tree, and its plans."""
    user = request.user
    strategy = get_strategy_for_user(user, pk)
    objectives = list(strategy.objectives.annotate(action_count=Count("actions")))
    tree = [
        (objective, [child for child in objectives if child.parent_id == objective.pk])
        for objective in objectives
        if objective.parent_id is None
    ]
    plans = visible_plans(user).filter(strategy=strategy).annotate(action_count=Count("actions"))
    return render(
        request,
        "policy/strategy.html",
        {
            "strategy": strategy,
            "tree": tree,
            "plans": plans.order_by("district__name_nl", "-starts"),
            "may_edit": may_edit_strategies(user),
            "may_create_plans": may_create_plans(user),
        },
    )


def _to_strategy(strategy) -> HttpResponse:
    return redirect("policy:strategy", pk=strategy.pk)


@require_http_methods(["GET", "POST"])
@login_required
def strategy_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    check_may_edit_strategies(user)
    form = StrategyForm(request.POST or None)

    def done(strategy):
        messages.success(request, _("The strategy is saved."))
        return _to_strategy(strategy)

    return form_page(
        request,
        form,
        lambda: actions.strategy_create(by=user, fields=form.to_fields()),
        done=done,
        context={"title": _("New strategy document"), "back": ("policy:index", ())},
    )


@require_http_methods(["GET", "POST"])
@login_required
def strategy_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    strategy = get_strategy_for_user(user, pk)
    check_may_edit_strategies(user)
    form = StrategyForm(request.POST or None, initial=StrategyForm.initial_from(strategy))
    form.fields["replaced_by"].queryset = visible_strategies(user).exclude(pk=strategy.pk)

    def done(saved):
        messages.success(request, _("The strategy is saved."))
        return _to_strategy(saved)

    return form_page(
        request,
        form,
        lambda: actions.strategy_update(by=user, strategy=strategy, fields=form.to_fields()),
        done=done,
        context={"title": strategy.title, "back": ("policy:strategy", (strategy.pk,))},
    )


@require_http_methods(["GET", "POST"])
@login_required
def objective_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    strategy = get_strategy_for_user(user, pk)
    check_may_edit_strategies(user)
    form = ObjectiveForm(request.POST or None, strategy=strategy)

    def done(objective):
        messages.success(request, _("The objective is added."))
        return _to_strategy(strategy)

    return form_page(
        request,
        form,
        lambda: actions.objective_add(by=user, strategy=strategy, fields=form.to_fields()),
        done=done,
        context={
            "title": _("New objective"),
            "subtitle": strategy.title,
            "back": ("policy:strategy", (strategy.pk,)),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def objective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    check_may_read(user)
    objective = get_object_or_404(
        Objective.objects.filter(strategy__in=visible_strategies(user)), pk=pk
    )
    check_may_edit_strategies(user)
    strategy = objective.strategy
    form = ObjectiveForm(
        request.POST or None,
        strategy=strategy,
        initial=ObjectiveForm.initial_from(objective),
    )

    def done(saved):
        messages.success(request, _("The objective is saved."))
        return _to_strategy(strategy)

    return form_page(
        request,
        form,
        lambda: actions.objective_update(
            by=user, objective=objective, fields=form.to_fields(order=objective.order)
        ),
        done=done,
        context={
            "title": str(objective),
            "subtitle": strategy.title,
            "back": ("policy:strategy", (strategy.pk,)),
        },
    )


# --- Plans -------------------------------------------------------------------------------------


@require_GET
@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A plan's actions with their status and progress, filtered by district, status and life
    domain."""
    user = request.user
    plan = get_plan_for_user(user, pk)
    filters = PlanFilterForm(request.GET or None)
    rows = visible_actions(user).filter(plan=plan)
    if filters.is_valid():
        chosen = filters.cleaned_data
        if chosen["district"]:
            rows = rows.filter(actions_in(chosen["district"]))
        if chosen["status"]:
            rows = rows.filter(status=chosen["status"])
        if chosen["life_domain"]:
            rows = rows.filter(has_code("life_domains", chosen["life_domain"]))
    today = timezone.localdate()
    rows = list(rows.order_by("code"))
    totals = plan.actions.aggregate(count=Count("pk"), done=Count("pk", filter=Q(status="done")))
    return render(
        request,
        "policy/plan.html",
        {
            "plan": plan,
            "filters": filters,
            "rows": [(a, is_behind(a, today), expected_progress(a, today)) for a in rows],
            "totals": totals,
            "may_edit": may_edit_plan(user, plan),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def plan_new(request: HttpRequest, pk: int) -> HttpResponse:
    """A new plan under strategy `pk`: a city plan, or one for the coordinator's district."""
    user = request.user
    strategy = get_strategy_for_user(user, pk)
    check_may_create_plans(user)
    initial = {"district": user.home_district_id} if user.role == "district_coordinator" else {}
    form = PlanForm(request.POST or None, initial=initial)

    def done(plan):
        messages.success(request, _("The action plan is saved: now add its actions."))
        return redirect("policy:plan", pk=plan.pk)

    return form_page(
        request,
        form,
        lambda: actions.plan_create(by=user, strategy=strategy, fields=form.to_fields()),
        done=done,
        context={
            "title": _("New action plan"),
            "subtitle": strategy.title,
            "back": ("policy:strategy", (strategy.pk,)),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = get_plan_for_user(user, pk)
    check_may_edit_plan(user, plan)
    form = PlanForm(request.POST or None, initial=PlanForm.initial_from(plan))

    def done(saved):
        messages.success(request, _("The action plan is saved."))
        return redirect("policy:plan", pk=saved.pk)

    return form_page(
        request,
        form,
        lambda: actions.plan_update(by=user, plan=plan, fields=form.to_fields()),
        done=done,
        context={"title": plan.title, "back": ("policy:plan", (plan.pk,))},
    )


@require_http_methods(["GET", "POST"])
@login_required
def action_new(request: HttpRequest, pk: int) -> HttpResponse:
    """A new action in plan `pk`, by those who edit the plan."""
    user = request.user
    plan = get_plan_for_user(user, pk)
    check_may_edit_plan(user, plan)
    initial = {"owner": plan.owner_id, "budget_planned": 0, "status": "planned"}
    form = ActionForm(request.POST or None, plan=plan, initial=initial)

    def done(created):
        messages.success(request, _("The action is added."))
        return redirect("policy:action", pk=created.pk)

    return form_page(
        request,
        form,
        lambda: actions.action_create(by=user, plan=plan, fields=form.to_fields()),
        done=done,
        context={
            "title": _("New action"),
            "subtitle": plan.title,
            "back": ("policy:plan", (plan.pk,)),
        },
    )
