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

from django.core.checks import Error, Tags, register

from samen.core.keys import KeyRing

KEYS = KeyRing("SAMEN_WEBHOOK_KEYS", purpose="webhooks", check_id="api.E001")
KEYS_VARIABLE = KEYS.variable
cipher, encrypt, decrypt, rotate = KEYS.cipher, KEYS.encrypt, KEYS.decrypt, KEYS.rotate


@register(Tags.security)
def webhook_keys_configured(app_configs, **kwargs) -> list[Error]:
    """api.E001: outside debug and tests, SAMEN_WEBHOOK_KEYS must hold real keys."""
    return KEYS.check()
