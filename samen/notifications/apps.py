from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "samen.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # The store writes models, so it registers itself with `notify` only once they are
        # loaded; the rest registers the navigation, the seeder and the digest tasks.
        from samen.notifications import seed, store, tasks  # noqa: F401
