from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "samen.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        # Importing it registers the administrators' navigation entry and home panel.
        from samen.api import panels  # noqa: F401
