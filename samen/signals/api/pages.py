"""The web page where a signed-in person gets an API token, shown once."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from samen.api.tokens import issue_for_session
from samen.people.roles import user_requires_two_factor
from samen.signals.access import check_may_report


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def token_page(request: HttpRequest) -> HttpResponse:
    """Issue a token for programs that file signals; the token is shown this once only."""
    check_may_report(request.user)
    context = {"two_factor": user_requires_two_factor(request.user), "token": None}
    if request.method == "POST":
        try:
            token, key = issue_for_session(request, request.user)
        except PermissionDenied:
            context["needs_second_factor"] = True
        else:
            context.update(token=key, expires=token.expiry)
    return render(request, "signals/api/token.html", context)
