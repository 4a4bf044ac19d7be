"""The administrators' pages for partner tokens (the key shown once) and webhooks (the
secret shown once, and the delivery log)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.api.access import check_may_manage_partners
from samen.api.actions import (
    partner_token_issue,
    partner_token_revoke,
    webhook_subscription_create,
    webhook_subscription_end,
)
from samen.api.events import event_kinds
from samen.api.forms import PartnerTokenForm, WebhookSubscriptionForm
from samen.api.models import PartnerToken, WebhookDelivery, WebhookSubscription
from samen.api.scopes import scopes
from samen.core.lists import render_list


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
    return redirect("api_platform:partner_tokens")


@require_GET
@login_required
def webhooks(request: HttpRequest) -> HttpResponse:
    """The webhook subscriptions, live ones first, with their latest deliveries."""
    check_may_manage_partners(request.user)
    subscriptions = WebhookSubscription.objects.select_related("organisation", "created_by")
    subscriptions = subscriptions.order_by(F("ended_at").desc(nulls_first=True), "-created_at")
    labels = {kind.code: kind.label for kind in event_kinds()}
    return render(request, "api/webhooks.html", {"subscriptions": subscriptions, "labels": labels})


@require_http_methods(["GET", "POST"])
@login_required
def webhook_new(request: HttpRequest) -> HttpResponse:
    """Subscribe a partner's system; the page that answers shows the signing secret once."""
    check_may_manage_partners(request.user)
    form = WebhookSubscriptionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            subscription, secret = webhook_subscription_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            context = {"subscription": subscription, "secret": secret}
            return render(request, "api/webhook_created.html", context)
    return render(request, "api/webhook_new.html", {"form": form})


@require_POST
@login_required
def webhook_end(request: HttpRequest, pk: int) -> HttpResponse:
    check_may_manage_partners(request.user)
    subscription = get_object_or_404(WebhookSubscription, pk=pk)
    webhook_subscription_end(by=request.user, subscription=subscription)
    return redirect("api_platform:webhooks")


@require_GET
@login_required
def webhook_deliveries(request: HttpRequest) -> HttpResponse:
    """The delivery log: what was sent to whom, how often tried, and the answer."""
    check_may_manage_partners(request.user)
    deliveries = WebhookDelivery.objects.select_related("subscription__organisation")
    return render_list(
        request,
        "api/webhook_deliveries.html",
        "api/webhook_delivery_rows.html",
        deliveries,
        {},
        ordering=("-created_at", "pk"),
    )
