"""Webhook signing secrets encrypted at rest, with keys kept apart from SECRET_KEY.

Security-critical. Samen must keep each subscription's secret to sign deliveries with it
(a digest, as for partner tokens, cannot sign), and whoever reads the secret can forge
events a partner's system would trust. So it is stored encrypted with the Fernet keys in
SAMEN_WEBHOOK_KEYS (samen.core.keys: newest first), a variable of its own: a leak of the
second-factor or case keys does not open it. Rotation: put a new key in front, run
`samen rotate-webhook-keys`, then remove the old key. Outside debug and tests the system
check `api.E001` refuses to start without a real key.
"""

from __future__ import annotations

from cryptography.fernet import MultiFernet
from django.core.checks import Error, Tags, register

from samen.core import keys

KEYS_VARIABLE = "SAMEN_WEBHOOK_KEYS"


def cipher() -> MultiFernet:
    """The configured keys, or outside production the development key."""
    configured = keys.configured_keys(KEYS_VARIABLE)
    if not configured:
        if not keys.development_mode():
            raise RuntimeError(f"{KEYS_VARIABLE} is not set (system check api.E001).")
        configured = (keys.development_key("webhooks"),)
    return keys.multi_fernet(configured)


def encrypt(secret: str) -> str:
    return cipher().encrypt(secret.encode()).decode()


def decrypt(stored: str) -> str:
    return cipher().decrypt(stored.encode()).decode()


def rotate(stored: str) -> str:
    """The same secret, encrypted with the newest key."""
    return cipher().rotate(stored.encode()).decode()


@register(Tags.security)
def webhook_keys_configured(app_configs, **kwargs) -> list[Error]:
    """api.E001: outside debug and tests, SAMEN_WEBHOOK_KEYS must hold real keys."""
    if keys.development_mode():
        return []
    return [
        Error(problem, hint="See README, 'Configuration'.", id="api.E001")
        for problem in keys.key_problems(KEYS_VARIABLE)
    ]
