from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "samen.people"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        # Importing these registers the panels, the seeder and the check of the MFA keys.
        from samen.people import panels, second_factor_keys, seed  # noqa: F401
