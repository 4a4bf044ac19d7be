from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "samen.reporting"
    verbose_name = _("Reports to other policy levels")

    def ready(self) -> None:
        # Importing these registers the navigation, the home panel, the seeder and the event
        # partners' systems may subscribe to. The report's
        # sections are registered by the modules that own their figures
        # (samen.core.level_reports).
        from samen.reporting import events, panels, seed  # noqa: F401
