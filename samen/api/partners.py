"""Partner tokens: how a key is made and how a request is recognised by one.

Security-critical. A key is PARTNER_PREFIX and 43 random URL-safe characters; only its
SHA-256 digest is stored (the key is random enough that no slow hash is needed) and it is
found by that digest. A key of a revoked token, one past its end date or one of an inactive
organisation is refused like an unknown one. The request's user stays anonymous: a partner
token never stands for a person.
"""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from samen.api.models import PartnerToken

PARTNER_PREFIX = "samenpartner_"  # noqa: S105 - a marker in the key, not a secret
KEYWORD = b"token"


def new_key() -> str:
    return PARTNER_PREFIX + secrets.token_urlsafe(32)


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class PartnerTokenAuthentication(BaseAuthentication):
    """`Authorization: Token samenpartner_...`; any other token is left to the next class."""

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if len(parts) != 2 or parts[0].lower() != KEYWORD:
            return None
        key = parts[1].decode("latin-1")
        if not key.startswith(PARTNER_PREFIX):
            return None
        token = (
            PartnerToken.objects.live()
            .select_related("organisation")
            .filter(digest=key_digest(key))
            .first()
        )
        if token is None:
            raise AuthenticationFailed(_("Invalid token."))
        return AnonymousUser(), token

    def authenticate_header(self, request) -> str:
        return "Token"


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    """Describe partner tokens in the OpenAPI document, beside people's tokens."""

    target_class = PartnerTokenAuthentication
    name = "partnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "A partner organisation's token: `Token samenpartner_...`. It reaches only "
                "the endpoints that name one of its scopes (statistics:read, circulars:read, "
                "exchanges:write); everything else answers 403."
            ),
        }
