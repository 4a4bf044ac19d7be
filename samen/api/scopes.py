"""What a partner organisation's token may do: its scopes, and the permission every API view
declares (`requires_scope(...)` or `PeopleOnly`).

Security-critical. A partner token stands for an organisation, not a person: the request's
user stays anonymous, so every rule written for people refuses it by itself. A view reaches
partner tokens only by declaring a scope they hold; tests/api/test_scope_policy.py walks every
API view and fails when one declares no policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import get_authorization_header
from rest_framework.permissions import BasePermission

from samen.api.models import PartnerToken
from samen.api.partners import PARTNER_PREFIX


@dataclass(frozen=True)
class Scope:
    code: str
    label: str | Promise


_SCOPES: dict[str, Scope] = {}


def add_scope(code: str, label: str | Promise) -> str:
    """Register a scope a partner token may be given; return its code."""
    _SCOPES[code] = Scope(code, label)
    return code


def scopes() -> list[Scope]:
    """Every registered scope, in the order registered."""
    return list(_SCOPES.values())


def is_scope(code: str) -> bool:
    return code in _SCOPES


STATISTICS_READ = add_scope("statistics:read", _("read the suppressed statistics"))
CIRCULARS_READ = add_scope("circulars:read", _("read the circulars addressed to them"))
EXCHANGES_WRITE = add_scope("exchanges:write", _("write exchanges"))
# Not a scope to give: an endpoint open to every live partner token (the OpenAPI document).
ANY_SCOPE = "*"


def partner_token_of(request) -> PartnerToken | None:
    """The partner token the request came with, or None for people and anonymous requests."""
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, PartnerToken) else None


def carries_partner_key(request) -> bool:
    parts = get_authorization_header(request).split()
    return len(parts) == 2 and parts[1].startswith(PARTNER_PREFIX.encode())


class PeopleOnly(BasePermission):
    """Refuse every partner token: the endpoint is for people (and their own tokens) only.

    Decides nothing for people: the view's other permissions do.
    """

    scope_policy = None
    message = _("A partner organisation's token does not reach this endpoint.")

    def has_permission(self, request, view) -> bool:
        # The header too: an endpoint that authenticates nobody (the password login) still
        # refuses a request that comes with a partner's key.
        return partner_token_of(request) is None and not carries_partner_key(request)


def requires_scope(scope: str) -> type[BasePermission]:
    """The permission of an endpoint partner tokens reach with `scope`.

    A partner token passes when it holds `scope` (any live token for ANY_SCOPE); a person
    passes when signed in, and the view's access rule decides further.
    """
    if scope != ANY_SCOPE and not is_scope(scope):
        raise ValueError(f"{scope!r} is not a registered scope (samen.api.scopes.add_scope).")

    class RequiresScope(BasePermission):
        scope_policy = scope
        message = format_lazy("{}: {}", _("This token does not hold the scope needed"), scope)

        def has_permission(self, request, view) -> bool:
            token = partner_token_of(request)
            if token is not None:
                return scope == ANY_SCOPE or token.holds(scope)
            return bool(request.user and request.user.is_authenticated)

    RequiresScope.__name__ = RequiresScope.__qualname__ = f"RequiresScope[{scope}]"
    return RequiresScope
