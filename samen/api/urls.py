"""The API platform's pages under /api/ (namespace "api_platform"): the documentation, and
the administrators' pages for partner tokens and webhooks."""

from django.urls import path

from samen.api import views
from samen.api.docs import DocsView

app_name = "api_platform"
urlpatterns = [
    path("docs/", DocsView.as_view(), name="docs"),
    path("partner-tokens/", views.partner_tokens, name="partner_tokens"),
    path("partner-tokens/new/", views.partner_token_new, name="partner_token_new"),
    path(
        "partner-tokens/<int:pk>/revoke/",
        views.partner_token_revoke_view,
        name="partner_token_revoke",
    ),
    path("webhooks/", views.webhooks, name="webhooks"),
    path("webhooks/new/", views.webhook_new, name="webhook_new"),
    path("webhooks/<int:pk>/end/", views.webhook_end, name="webhook_end"),
    path("webhooks/deliveries/", views.webhook_deliveries, name="webhook_deliveries"),
]
