from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samen.notifications import Kind, add_kind


class MediationConfig(AppConfig):
    name = "samen.mediation"
    verbose_name = _("Neighbourhood mediation")

    def ready(self) -> None:
        # Importing these registers the panels, the navigation, the signal follow-up links,
        # the seeder, the nightly retention task and the check of its settings.
        from samen.mediation import checks, panels, seed, tasks  # noqa: F401
        from samen.mediation.access import may_mediate

        # Confidential: the text names no party, street or dispute, only that one waits.
        add_kind(
            Kind(
                code="mediation.assigned",
                label=_("A mediation assigned to me"),
                text=_("A mediation is assigned to you"),
                default="immediately",
                confidential=True,
                audience=may_mediate,
            )
        )
