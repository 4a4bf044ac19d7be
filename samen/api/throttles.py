"""Rate limits of the JSON API: per person and per token, rates from the settings."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle, UserRateThrottle


class PersonRateThrottle(UserRateThrottle):
    """All of a person's API requests, whatever token or session they come with.

    Anonymous requests (only the password login) are left to allauth's login rate limit and
    the lockout: behind a reverse proxy every anonymous request shares the proxy's address,
    and one bucket for all would let anyone block everyone's login.
    """

    scope = "person"

    def get_rate(self) -> str:
        # Read on every request, not once at import as DRF's THROTTLE_RATES is.
        return settings.SAMEN_API_RATE_PERSON

    def get_cache_key(self, request, view) -> str | None:
        if not request.user or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


class TokenRateThrottle(SimpleRateThrottle):
    """Each API token on its own, so that one runaway integration or stolen token is held
    back before its person's other tokens are. DRF and knox have no throttle keyed by token;
    only the key is ours."""

    scope = "token"

    def get_rate(self) -> str:
        return settings.SAMEN_API_RATE_TOKEN

    def get_cache_key(self, request, view) -> str | None:
        # Imported here: DRF loads the throttle classes while defining APIView, which may be
        # before the apps (knox's models and ours) are ready.
        from knox.models import AbstractAuthToken

        from samen.api.models import PartnerToken

        if isinstance(request.auth, PartnerToken):
            # A partner token has no person: it is held back on its own, by its row.
            return self.cache_format % {"scope": self.scope, "ident": f"p{request.auth.pk}"}
        if not isinstance(request.auth, AbstractAuthToken):
            return None
        # The stored digest, never the secret's own prefix (token_key), goes into the cache.
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
