from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "samen.mediation"
    verbose_name = _("Neighbourhood mediation")
