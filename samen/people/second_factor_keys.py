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
from cryptography.fernet import MultiFernet
from django.core.checks import Error, Tags, register

from samen.core import keys

KEYS_VARIABLE = "SAMEN_MFA_KEYS"


def cipher() -> MultiFernet:
    """The configured keys, or outside production the development key."""
    configured = keys.configured_keys(KEYS_VARIABLE)
    if not configured:
        if not keys.development_mode():
            raise RuntimeError(f"{KEYS_VARIABLE} is not set (system check people.E001).")
        configured = (keys.development_key("mfa"),)
    return keys.multi_fernet(configured)


class SecondFactorAdapter(DefaultMFAAdapter):
    """allauth's MFA adapter, with the secrets it stores encrypted."""

    def encrypt(self, text: str) -> str:
        return cipher().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return cipher().decrypt(encrypted_text.encode()).decode()


@register(Tags.security)
def second_factor_keys_configured(app_configs, **kwargs) -> list[Error]:
    """people.E001: outside debug and tests, SAMEN_MFA_KEYS must hold real keys."""
    if keys.development_mode():
        return []
    return [
        Error(problem, hint="See README, 'Configuration'.", id="people.E001")
        for problem in keys.key_problems(KEYS_VARIABLE)
    ]
