"""The tokens other cities' Samen gave this city, encrypted at rest, with keys of their own.

Security-critical. Samen must keep each token to ask that city for its statistics (a digest,
as for partner tokens, cannot be sent), and whoever reads it reads another city's statistics
under this city's name. So it is stored encrypted with the Fernet keys in SAMEN_PEER_KEYS
(samen.core.keys: newest first), a variable of its own, as the webhooks' secrets are: a leak
of another key does not open it. Rotation: put a new key in front, run
`samen rotate-peer-keys`, then remove the old key. Outside debug and tests the system check
`peers.E001` refuses to start without a real key.
"""

from __future__ import annotations

from cryptography.fernet import MultiFernet
from django.core.checks import Error, Tags, register

from samen.core import keys

KEYS_VARIABLE = "SAMEN_PEER_KEYS"


def cipher() -> MultiFernet:
    """The configured keys, or outside production the development key."""
    configured = keys.configured_keys(KEYS_VARIABLE)
    if not configured:
        if not keys.development_mode():
            raise RuntimeError(f"{KEYS_VARIABLE} is not set (system check peers.E001).")
        configured = (keys.development_key("peers"),)
    return keys.multi_fernet(configured)


def encrypt(token: str) -> str:
    return cipher().encrypt(token.encode()).decode()


def decrypt(stored: str) -> str:
    return cipher().decrypt(stored.encode()).decode()


def rotate(stored: str) -> str:
    """The same token, encrypted with the newest key."""
    return cipher().rotate(stored.encode()).decode()


@register(Tags.security)
def peer_keys_configured(app_configs, **kwargs) -> list[Error]:
    """peers.E001: outside debug and tests, SAMEN_PEER_KEYS must hold real keys."""
    if keys.development_mode():
        return []
    return [
        Error(problem, hint="See README, 'Configuration'.", id="peers.E001")
        for problem in keys.key_problems(KEYS_VARIABLE)
    ]
