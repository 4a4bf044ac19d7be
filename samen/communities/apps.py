from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from samen.notifications import Kind, add_kind


class CommunitiesConfig(AppConfig):
    name = "samen.communities"
    verbose_name = _("Communities and relationships")

    def ready(self) -> None:
        # Importing these registers the navigation, the panels, the signal follow-up and the
        # seeder.
        from samen.communities import panels, seed, tasks  # noqa: F401
        from samen.communities.reminders import may_own_restore_actions

        add_kind(
            Kind(
                code="communities.restore_action_due",
                label=_("A restore action of mine due or overdue"),
                text=_("A restore action of yours is due by %(deadline)s"),
                default="daily",
                audience=may_own_restore_actions,
            )
        )
