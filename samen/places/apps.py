from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    name = "samen.places"
    verbose_name = _("Places")

    def ready(self) -> None:
        # Importing these, once the models are loaded, registers the panels and the seeder.
        from samen.places import panels, seed  # noqa: F401
