from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "samen.indicators"
    verbose_name = _("District indicators")

    def ready(self) -> None:
        # Importing these registers the navigation, the place pages' context panel and the
        # seeder.
        from samen.indicators import panels, place_facts, seed  # noqa: F401
