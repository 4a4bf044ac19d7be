from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "samen.signals"
    verbose_name = _("Signals and tension monitor")

    def ready(self) -> None:
        # Importing these registers the panels, the seeder and the scheduled tasks.
        from samen.signals import monitor_panels, panels, seed  # noqa: F401
