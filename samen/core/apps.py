from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "samen.core"
    verbose_name = _("Samen")


class SamenAdminConfig(admin_apps.AdminConfig):
    """The Django admin on Samen's own site class (administrators only)."""

    default = False

    default_site = "samen.core.admin.SamenAdminSite"

    def ready(self) -> None:
        super().ready()  # every app's admin module registers its models here
        from allauth.mfa.models import Authenticator
        from django.contrib import admin

        # Second factors belong to their owner alone: allauth shows their secrets in the
        # admin, and an administrator who could read one and set a password could become
        # anyone, a member of the case consultation included.
        if admin.site.is_registered(Authenticator):
            admin.site.unregister(Authenticator)
