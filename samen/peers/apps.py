from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersConfig(AppConfig):
    name = "samen.peers"
    verbose_name = _("Other cities")

    def ready(self) -> None:
        # Importing these registers the navigation entry, the home panel and the system check
        # of the token keys (peers.E001). No seeder: another city's Samen cannot be made up.
        from samen.peers import crypto, panels  # noqa: F401
