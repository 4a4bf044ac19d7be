from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "samen.cases"
    verbose_name = _("Case consultation")

    def ready(self) -> None:
        # Importing these registers the navigation, the MFA rule, the system check, the page
        # sections and the seeders; they import the models, so they wait for the app registry.
        from samen.cases import checks, panels  # noqa: F401
        from samen.cases.sections import case as case_sections  # noqa: F401
        from samen.cases.sections import work as work_sections  # noqa: F401
        from samen.cases.seed import cases as case_seed  # noqa: F401
        from samen.cases.seed import work as work_seed  # noqa: F401
