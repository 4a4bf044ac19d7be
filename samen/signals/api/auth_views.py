"""Getting and giving back API tokens (the rules are in samen.api.tokens)."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from axes.handlers.proxy import AxesProxyHandler
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samen.api.scopes import PeopleOnly
from samen.api.tokens import (
    API_AUTHENTICATION,
    SamenTokenAuthentication,
    api_token_issue,
    api_token_revoke,
    api_tokens_revoke_all,
    issue_for_session,
)
from samen.people.roles import user_requires_two_factor


class LoginSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})


TokenSerializer = inline_serializer(
    "Token",
    {"token": serializers.CharField(), "expiry": serializers.DateTimeField()},
)


def token_response(instance, secret: str) -> Response:
    return Response({"token": secret, "expiry": instance.expiry})


def too_many_attempts() -> Response:
    return Response(
        {"detail": _("Too many failed sign-in attempts. Try again later.")},
        status=status.HTTP_429_TOO_MANY_REQUESTS,
    )


@extend_schema(
    summary="Get a token with e-mail and password (roles without a second factor)",
    request=LoginSerializer,
    responses={
        200: TokenSerializer,
        400: OpenApiResponse(description="Wrong e-mail or password"),
        403: OpenApiResponse(description="This role needs a second factor: use the web"),
        429: OpenApiResponse(description="Locked out after too many failures"),
    },
)
class LoginView(APIView):
    """Exchange e-mail and password for a password token.

    Security-critical. The password is checked by allauth's `authenticate` with the request,
    so allauth's login rate limit and the django-axes lockout count API failures exactly like
    sign-in page failures (and a locked-out account is refused even with the right password).
    Roles that need a second factor are refused here after a correct password: their tokens
    come from a signed-in web session only (SessionTokenView).
    """

    authentication_classes: list = []
    permission_classes = [PeopleOnly, AllowAny]

    def post(self, request: Request) -> Response:
        credentials = LoginSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        django_request = request._request
        email = credentials.validated_data["email"].strip().lower()
        try:
            user = get_adapter(django_request).authenticate(
                django_request, email=email, password=credentials.validated_data["password"]
            )
        except ValidationError:  # allauth's rate limit on failed logins
            return too_many_attempts()
        if getattr(django_request, "axes_locked_out", False):
            # Answer in JSON here instead of the lockout page the axes middleware would render.
            django_request.axes_locked_out = False
            return too_many_attempts()
        if user is None or not user.is_active:
            return Response(
                {"detail": _("The e-mail address or the password is not right.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if user_requires_two_factor(user):
            return Response(
                {
                    "detail": _(
                        "Your role signs in with a second factor, so it gets no token by "
                        "password. Sign in on the web and create a token there."
                    ),
                    "code": "two_factor_required",
                },
                status=status.HTTP_403_FORBIDDEN,
            )
        AxesProxyHandler.user_logged_in(sender=type(user), request=django_request, user=user)
        return token_response(*api_token_issue(by=user, two_factor=False))


@extend_schema(
    summary="Create a token from the signed-in web session",
    request=None,
    responses={
        200: TokenSerializer,
        403: OpenApiResponse(description="This session did not pass the second factor"),
    },
)
class SessionTokenView(APIView):
    """Create a token for the person signed in on the web (session cookie and CSRF token).

    Security-critical. For roles that need a second factor, the session must show that it
    passed one (allauth's authentication records); the token is then a two-factor token that
    lives a working day. Other roles get a password token.
    """

    authentication_classes = [SessionAuthentication]
    permission_classes = [PeopleOnly, IsAuthenticated]

    def post(self, request: Request) -> Response:
        try:
            return token_response(*issue_for_session(request._request, request.user))
        except PermissionDenied:
            return Response(
                {"detail": _("Sign in again with your second factor first.")},
                status=status.HTTP_403_FORBIDDEN,
            )


@extend_schema(summary="Give back the token of this request", request=None, responses={204: None})
class LogoutView(APIView):
    """Delete the token this request was made with."""

    authentication_classes = [SamenTokenAuthentication]
    permission_classes = [PeopleOnly, IsAuthenticated]

    def post(self, request: Request) -> Response:
        api_token_revoke(by=request.user, token=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(summary="Give back every token you have", request=None, responses={204: None})
class LogoutAllView(APIView):
    """Delete every token of the person making the request."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]

    def post(self, request: Request) -> Response:
        api_tokens_revoke_all(by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
