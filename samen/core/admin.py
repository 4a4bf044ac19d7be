"""The Django admin, open to administrators only."""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Apps the administration never shows, whoever registers their models: administrators have
# no part in the case consultation (its seats, delegations, invitations or cases), and
# groups grant nothing in Samen (samen.people.permissions decides by role).
CLOSED_APPS = frozenset({"cases", "auth"})


class SamenAdminSite(admin.AdminSite):
    site_header = _("Samen administration")
    site_title = _("Samen administration")
    index_title = _("Administration")

    def register(self, model_or_iterable, admin_class=None, **options) -> None:
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, type) else list(model_or_iterable)
        )
        # Not registered means no URL: /admin/cases/... answers 404 like any unknown page.
        kept = [model for model in models if model._meta.app_label not in CLOSED_APPS]
        if kept:
            super().register(kept, admin_class, **options)

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_staff and user.role == "administrator")

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        """Sign in through Samen's own login, with lockout and two-factor, never around it."""
        if request.user.is_authenticated:
            raise PermissionDenied  # signed in, but not as an administrator
        return redirect_to_login(request.get_full_path(), reverse("account_login"))
