"""The JSON API under /api/: tokens, signals, categories and the OpenAPI document."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from samen.api.scopes import ANY_SCOPE, requires_scope
from samen.api.tokens import API_AUTHENTICATION
from samen.signals.api import auth_views, pages, views

app_name = "api"
urlpatterns = [
    path("token/", pages.token_page, name="token_page"),
    path("auth/login/", auth_views.LoginView.as_view(), name="login"),
    path("auth/session-token/", auth_views.SessionTokenView.as_view(), name="session_token"),
    path("auth/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("auth/logout-all/", auth_views.LogoutAllView.as_view(), name="logout_all"),
    path("signals/", views.SignalListView.as_view(), name="signals"),
    path("signals/<int:pk>/", views.SignalDetailView.as_view(), name="signal"),
    path("categories/", views.CategoryListView.as_view(), name="categories"),
    # The OpenAPI document as JSON (?format=json, the default) or YAML (?format=yaml).
    path(
        "schema/",
        SpectacularAPIView.as_view(
            authentication_classes=API_AUTHENTICATION,
            permission_classes=[requires_scope(ANY_SCOPE)],
        ),
        name="schema",
    ),
]
