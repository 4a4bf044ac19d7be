from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "samen.people"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        # Importing these registers the panels, the seeder and the check of the MFA keys.
        # allauth's signals and its sessions list's model exist once its apps are loaded.
        from allauth.account.signals import user_logged_in

        from samen.people import panels, second_factor_keys, seed  # noqa: F401
        from samen.people.activity import note_sign_in

        user_logged_in.connect(note_sign_in, dispatch_uid="samen.people.note_sign_in")
