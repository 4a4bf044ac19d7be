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

from django.core.checks import Error, Tags, register

from samen.core.keys import KeyRing

KEYS = KeyRing("SAMEN_PEER_KEYS", purpose="peers", check_id="peers.E001")
KEYS_VARIABLE = KEYS.variable
cipher, encrypt, decrypt, rotate = KEYS.cipher, KEYS.encrypt, KEYS.decrypt, KEYS.rotate


@register(Tags.security)
def peer_keys_configured(app_configs, **kwargs) -> list[Error]:
    """peers.E001: outside debug and tests, SAMEN_PEER_KEYS must hold real keys."""
    return KEYS.check()
