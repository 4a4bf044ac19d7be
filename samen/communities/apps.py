from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "samen.communities"
    verbose_name = _("Communities and relationships")

    def ready(self) -> None:
        # Importing these registers the navigation, the panels, the signal follow-up and the
        # seeder.
        from samen.communities import panels, seed  # noqa: F401
