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
