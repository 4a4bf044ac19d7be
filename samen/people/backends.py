"""How Samen checks a password and loads the signed-in person on each request."""

from allauth.account.auth_backends import AuthenticationBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef


class StaffBackend(AuthenticationBackend):
    """allauth's sign-in by e-mail address; the signed-in person is loaded with whether they
    have an authenticator app, in the same query, for RequireTwoFactorMiddleware."""

    def get_user(self, user_id):
        # The second-factor check runs on every request: asked here, it costs no query of
        # its own, and it is as fresh as the person's row (read on every request anyway).
        apps = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        people = get_user_model().objects.annotate(has_authenticator_app=Exists(apps))
        user = people.filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        return user
