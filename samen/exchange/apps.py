from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "samen.exchange"
    verbose_name = _("Exchanges between policy levels")

    def ready(self) -> None:
        # Importing these registers the navigation, the home panels and the seeder.
        from samen.exchange import panels, seed  # noqa: F401
