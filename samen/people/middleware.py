"""What every signed-in request passes: a role that stands, and a second factor where needed."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

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


class LapsedRoleMiddleware:
    """Sign out a person whose elevated role lapsed unconfirmed, at their next request.

    The one place where a lapse takes effect: no page, panel or permission runs for them
    after their role's lapse day. They keep their account; an administrator other than
    themselves re-confirms the role (or gives another) and they sign in again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.role_lapsed:
            logout(request)
            messages.error(
                request,
                _(
                    "Your role was not re-confirmed in time and has lapsed. Ask an "
                    "administrator to re-confirm it, then sign in again."
                ),
            )
            return redirect("account_login")
        return self.get_response(request)
