from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "samen.mediation"
    verbose_name = _("Neighbourhood mediation")

    def ready(self) -> None:
        # Importing these registers the panels, the navigation, the signal follow-up links,
        # the seeder, the nightly retention task and the check of its settings.
        from samen.mediation import checks, panels, seed, tasks  # noqa: F401
