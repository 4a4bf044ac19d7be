"""What every signed-in request passes: its activity noted (at most once a minute), a role
that stands, and a second factor where needed."""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from samen.people.activity import activity_due, activity_record
from samen.people.roles import user_requires_two_factor

# Pages a person without a second factor still needs: to set one up, or to leave.
_OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")


class SessionActivityMiddleware:
    """Keep a signed-in session alive while it is used, writing at most once a minute.

    Replaces SESSION_SAVE_EVERY_REQUEST and allauth's UserSessionsMiddleware, which each
    wrote on every request: the session is saved (with a fresh expiry) and its row in the
    sessions list refreshed only when the last write is more than a minute old.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and activity_due(request):
            activity_record(request)
        return self.get_response(request)


def has_authenticator_app(user) -> bool:
    """Whether this person set up an authenticator app; StaffBackend loads the answer with
    the person, so only people loaded otherwise cost a query."""
    known = getattr(user, "has_authenticator_app", None)
    if known is not None:
        return known
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


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
            and not has_authenticator_app(user)
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
