from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "samen.cases"
    verbose_name = _("Case consultation")

    def ready(self) -> None:
        # Importing these registers the navigation, the MFA rule, the system check, the
        # page sections and the seeder.
        import samen.cases.work  # noqa: F401  (the case work's sections, seed and retention)
        from samen.cases import checks, panels, sections, seed  # noqa: F401
