"""The administrators' pages for partner tokens: list, issue (the key shown once), revoke."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.api.access import check_may_manage_partners
from samen.api.actions import partner_token_issue, partner_token_revoke
from samen.api.forms import PartnerTokenForm
from samen.api.models import PartnerToken
from samen.api.scopes import scopes


@require_GET
@login_required
def partner_tokens(request: HttpRequest) -> HttpResponse:
    """Every partner token, newest first, live or not."""
    check_may_manage_partners(request.user)
    tokens = PartnerToken.objects.select_related("organisation", "issued_by", "revoked_by")
    labels = {scope.code: scope.label for scope in scopes()}
    return render(
        request,
        "api/partner_tokens.html",
        {"tokens": tokens.order_by("-issued_at", "-pk"), "labels": labels},
    )


@require_http_methods(["GET", "POST"])
@login_required
def partner_token_new(request: HttpRequest) -> HttpResponse:
    """Issue a token; the page that answers shows its key, this once only."""
    check_may_manage_partners(request.user)
    form = PartnerTokenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            token, key = partner_token_issue(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "api/partner_token_issued.html", {"token": token, "key": key})
    return render(request, "api/partner_token_new.html", {"form": form})


@require_POST
@login_required
def partner_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    check_may_manage_partners(request.user)
    partner_token_revoke(by=request.user, token=get_object_or_404(PartnerToken, pk=pk))
    return redirect("partner_api:partner_tokens")
