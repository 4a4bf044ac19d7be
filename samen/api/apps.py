from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "samen.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        # Importing these registers the administrators' navigation entry and home panel, and
        # the system check of the webhook keys (api.E001).
        from samen.api import panels, signing_keys  # noqa: F401
