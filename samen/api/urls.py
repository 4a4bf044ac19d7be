"""The API platform's pages for administrators, under /api/ (namespace "partner_api")."""

from django.urls import path

from samen.api import views

app_name = "partner_api"
urlpatterns = [
    path("partner-tokens/", views.partner_tokens, name="partner_tokens"),
    path("partner-tokens/new/", views.partner_token_new, name="partner_token_new"),
    path(
        "partner-tokens/<int:pk>/revoke/",
        views.partner_token_revoke_view,
        name="partner_token_revoke",
    ),
]
