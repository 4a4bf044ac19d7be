from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "samen.audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        # Imported once the models are loaded: the registry connects to them, panels read them.
        from samen.audit import panels, registry  # noqa: F401  (panels: navigation and panels)

        registry.register_domain_models()
