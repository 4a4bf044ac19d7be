from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "samen.policy"
    verbose_name = _("Prevention policy")

    def ready(self) -> None:
        # Importing these registers the navigation, the panels, the follow-up resolver, the
        # section of the report to other levels and the seeder.
        from samen.policy import level_reports, panels, seed  # noqa: F401
