"""Second-factor secrets encrypted at rest, with keys kept apart from SECRET_KEY.

Security-critical. allauth stores each person's TOTP secret and recovery-code seed in the
database; whoever reads them can make that person's codes. Samen encrypts them through
allauth's own adapter hooks with the Fernet keys in SAMEN_MFA_KEYS (samen.core.keys: newest
first). Rotation: put a new key in front, run `samen rotate-mfa-keys`, then remove the old
key. Outside debug and tests the system check `people.E001` refuses to start without a real
key. (The case consultation has its own keys: a leak of one set does not open the other.)
"""

from __future__ import annotations

from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.checks import Error, Tags, register

from samen.core.keys import KeyRing

KEYS = KeyRing("SAMEN_MFA_KEYS", purpose="mfa", check_id="people.E001")
KEYS_VARIABLE = KEYS.variable
cipher = KEYS.cipher


class SecondFactorAdapter(DefaultMFAAdapter):
    """allauth's MFA adapter, with the secrets it stores encrypted."""

    def encrypt(self, text: str) -> str:
        return KEYS.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return KEYS.decrypt(encrypted_text)


@register(Tags.security)
def second_factor_keys_configured(app_configs, **kwargs) -> list[Error]:
    """people.E001: outside debug and tests, SAMEN_MFA_KEYS must hold real keys."""
    return KEYS.check()
