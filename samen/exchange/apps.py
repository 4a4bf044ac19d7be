from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "samen.exchange"
    verbose_name = _("Exchanges between policy levels")

    def ready(self) -> None:
        # Importing these registers the navigation, the home panels, the seeder and the events
        # partners' systems may subscribe to; then the kinds of notification
        # (samen.notifications asks for them in ready()).
        from samen.exchange import events, notices, panels, seed  # noqa: F401

        notices.register_kinds()
