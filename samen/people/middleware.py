"""Two-factor authentication for the roles that see case data."""

from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from samen.people.roles import user_requires_two_factor

# Pages a person without a second factor still needs: to set one up, or to leave.
_OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")


class RequireTwoFactorMiddleware:
    """Send people whose role requires MFA to its set-up page until they have a TOTP device.

    Sets `request.two_factor_missing`, which the navigation reads to offer no other page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        request.two_factor_missing = (
            user.is_authenticated
            and user_requires_two_factor(user)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        )
        if request.two_factor_missing and not request.path.startswith(_OPEN_PREFIXES):
            return redirect(reverse("mfa_activate_totp") + "?required=1")
        return self.get_response(request)
