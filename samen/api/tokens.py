"""API tokens: who gets one how, and which ones a request may use.

Security-critical. Tokens are knox tokens (only a hash is stored; each expires). Two kinds:

- a *password token* comes from POST /api/auth/login/ with e-mail and password, through
  allauth's authentication and with the same lockout (django-axes) and rate limits as the
  sign-in page; it starts with PASSWORD_PREFIX and lives REST_KNOX["TOKEN_TTL"];
- a *two-factor token* is created by a person signed in on the web whose session passed the
  second factor (allauth records that in the session); it starts with TWO_FACTOR_PREFIX and
  lives TWO_FACTOR_TOKEN_TTL, a working day.

Roles that must sign in with a second factor (samen.people.roles.requires_two_factor) never
get a password token, and `SamenTokenAuthentication` refuses them any token that is not a
two-factor token, also one issued before their role changed. The prefix is part of the
secret whose hash is checked, so it cannot be forged.
"""

from __future__ import annotations

import binascii
import datetime
from hmac import compare_digest

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from knox.models import AuthToken
from knox.settings import CONSTANTS, knox_settings
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed

from samen.api.partners import PartnerTokenAuthentication
from samen.core.actions import action
from samen.people.roles import user_requires_two_factor

PASSWORD_PREFIX = "samen_"  # noqa: S105 - a marker in the token, not a secret
TWO_FACTOR_PREFIX = "samen2f_"
TWO_FACTOR_TOKEN_TTL = datetime.timedelta(hours=settings.SAMEN_API_TWO_FACTOR_TOKEN_HOURS)


def is_two_factor_token(token: AuthToken) -> bool:
    """Whether the token was created by a session that passed the second factor."""
    return token.token_key.startswith(TWO_FACTOR_PREFIX)


class SamenTokenAuthentication(TokenAuthentication):
    """Knox tokens; refused to inactive people, and to roles needing a second factor unless
    the token is a two-factor token."""

    def authenticate_credentials(self, token: bytes):
        """The person and token for a secret: knox's check in one query, without its writes.

        Knox also loads every other token of the person on each request to delete the expired
        ones, a second query and a write outside any action. Here an expired token is refused
        like an unknown one, and `api_token_issue` removes the person's expired tokens (in
        its action, so the trail records it).
        """
        message = _("Invalid token.")
        secret = token.decode("utf-8")
        try:
            digest = hash_token(secret)
        except (TypeError, binascii.Error):
            raise AuthenticationFailed(message) from None
        now = timezone.now()
        for auth_token in tokens_with_person(secret[: CONSTANTS.TOKEN_KEY_LENGTH]):
            if compare_digest(digest, auth_token.digest):
                if auth_token.expiry is not None and auth_token.expiry < now:
                    break
                if knox_settings.AUTO_REFRESH and auth_token.expiry:
                    self.renew_token(auth_token)
                return self.validate_user(auth_token)
        raise AuthenticationFailed(message)

    def validate_user(self, auth_token: AuthToken):
        user, token = super().validate_user(auth_token)
        if user.role_lapsed:
            # The web signs such a person out (samen.people.middleware); tokens follow suit.
            raise AuthenticationFailed(_("Your role has lapsed: ask an administrator."))
        if not is_two_factor_token(token) and user_requires_two_factor(user):
            raise AuthenticationFailed(
                _(
                    "This account signs in with a second factor: create a token after signing "
                    "in on the web."
                )
            )
        return user, token


def tokens_with_person(key: str) -> list[AuthToken]:
    """The tokens whose secret starts with `key`, each with its person, as
    `AuthToken.objects.filter(token_key=key).select_related("user")` gives them.

    Hand-written SQL through Django's cursor, put together once per process from the two
    models' fields: the ORM compiles the same join again on every API request, about 0.3 ms of
    CPU against 0.07 ms for this (bench/README.md). The rows become instances the way the ORM
    makes them (`from_db`, the fields' converters); tests/api/test_token_lookup.py holds
    the two side by side on both databases.
    """
    if not _LOOKUP:
        _LOOKUP.append(_lookup_statement())
    sql, token_part, user_part = _LOOKUP[0]
    found = []
    with connection.cursor() as cursor:
        cursor.execute(sql, [key])
        rows = cursor.fetchall()
    for row in rows:
        token = _instance(AuthToken, token_part, row[: len(token_part)])
        user = _instance(get_user_model(), user_part, row[len(token_part) :])
        AuthToken._meta.get_field("user").set_cached_value(token, user)
        found.append(token)
    return found


_LOOKUP: list[tuple] = []


def _lookup_statement() -> tuple[str, list, list]:
    user_model = get_user_model()
    quote = connection.ops.quote_name
    parts = []
    for model, alias in ((AuthToken, "t"), (user_model, "u")):
        columns = []
        for field in model._meta.concrete_fields:
            column = field.get_col(alias)
            converters = connection.ops.get_db_converters(column) + column.get_db_converters(
                connection
            )
            columns.append((field.attname, column, converters))
        parts.append(columns)
    select = ", ".join(
        f"{alias}.{quote(column.target.column)}"
        for alias, columns in (("t", parts[0]), ("u", parts[1]))
        for _name, column, _converters in columns
    )
    user_key = AuthToken._meta.get_field("user")
    # Only names from the models' own metadata, quoted; the key travels as a parameter.
    sql = (
        f"SELECT {select} FROM {quote(AuthToken._meta.db_table)} t "  # noqa: S608
        f"INNER JOIN {quote(user_model._meta.db_table)} u "
        f"ON u.{quote(user_model._meta.pk.column)} = t.{quote(user_key.column)} "
        f"WHERE t.{quote(AuthToken._meta.get_field('token_key').column)} = %s"
    )
    return sql, parts[0], parts[1]


def _instance(model, columns: list, values: tuple):
    converted = []
    for (_name, column, converters), value in zip(columns, values, strict=True):
        for converter in converters:
            value = converter(value, column, connection)
        converted.append(value)
    return model.from_db(connection.alias, [name for name, _c, _v in columns], converted)


class SamenTokenScheme(KnoxTokenScheme):
    """Describe Samen's tokens in the OpenAPI document as the knox tokens they are."""

    target_class = SamenTokenAuthentication
    name = "token"


# Every API view uses exactly these: a partner organisation's token, a person's token, or the
# browser's signed-in session (with CSRF). The partner class comes first: it passes every other
# token on, while knox's refuses a key it does not know. What a partner token may reach, each
# view declares (samen.api.scopes).
API_AUTHENTICATION = [PartnerTokenAuthentication, SamenTokenAuthentication, SessionAuthentication]


@action
def api_token_issue(*, by, two_factor: bool) -> tuple[AuthToken, str]:
    """Create a token for `by` and return it with its secret (shown once, stored hashed).

    `two_factor` is the caller's promise that `by` passed the second factor in this session;
    without it, roles that need one get nothing.
    """
    if user_requires_two_factor(by) and not two_factor:
        raise PermissionError("a role that needs a second factor gets two-factor tokens only")
    # Expired tokens no longer authenticate; tidied here rather than on every request.
    for expired in AuthToken.objects.filter(user=by, expiry__lt=timezone.now()):
        expired.delete()
    if two_factor:
        return AuthToken.objects.create(by, expiry=TWO_FACTOR_TOKEN_TTL, prefix=TWO_FACTOR_PREFIX)
    return AuthToken.objects.create(by, expiry=knox_settings.TOKEN_TTL, prefix=PASSWORD_PREFIX)


@action
def api_token_revoke(*, by, token: AuthToken) -> None:
    """Delete one of `by`'s own tokens (sign out of the API)."""
    if token.user_id != by.pk:
        raise PermissionError("a token is revoked by its owner")
    token.delete()


@action
def api_tokens_revoke_all(*, by) -> int:
    """Delete every token of `by`; return how many there were."""
    deleted, _counts = AuthToken.objects.filter(user=by).delete()
    return deleted


def issue_for_session(request, user) -> tuple[AuthToken, str]:
    """Issue a token to the person signed in on the web; PermissionDenied if they must
    first pass their second factor in this session (security-critical: the web sign-in is
    the only place the second factor is checked)."""
    if not user_requires_two_factor(user):
        return api_token_issue(by=user, two_factor=False)
    records = get_authentication_records(request, user)
    if not any(record.get("method") == "mfa" for record in records):
        raise PermissionDenied
    return api_token_issue(by=user, two_factor=True)
