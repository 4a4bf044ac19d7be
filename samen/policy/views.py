"""The prevention policy pages: thin views (access, validate, act, respond)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samen.policy.access import check_may_read, visible_plans, visible_strategies


@login_required
def index(request: HttpRequest) -> HttpResponse:
    check_may_read(request.user)
    return render(
        request,
        "policy/index.html",
        {
            "strategies": visible_strategies(request.user),
            "plans": visible_plans(request.user),
        },
    )
