from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "samen.audit"
    verbose_name = _("Audit")

    def ready(self) -> None:
        from samen.audit import registry

        registry.register_domain_models()
        from samen.audit import panels  # noqa: F401  (registers navigation and panels)
