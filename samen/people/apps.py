from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "samen.people"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        from samen.people import panels, seed  # noqa: F401  (registers panels and seeder)
