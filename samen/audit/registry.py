"""Which models the audit trail follows, and which of their fields are sensitive."""

from __future__ import annotations

from auditlog.registry import auditlog
from django.db import models

# Models whose reads are recorded too (see samen.audit.reads).
CONFIDENTIAL_MODELS: set[type[models.Model]] = set()


def track(
    model: type[models.Model],
    *,
    sensitive: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    fingerprinted: tuple[str, ...] = (),
    m2m: tuple[str, ...] = (),
    confidential: bool = False,
) -> None:
    """Record every create, update and delete of `model`, in the writing transaction.

    `sensitive` fields appear in the trail as changed, with both values fully redacted;
    `exclude` fields (bookkeeping such as last_login) are not followed at all;
    `fingerprinted` fields (large values such as boundaries) appear as a short fingerprint;
    `m2m` fields record what was added to or removed from them.
    """
    if sensitive and fingerprinted:
        raise ValueError(
            "A model's masked fields share one mask: choose sensitive or fingerprinted."
        )
    auditlog.register(
        model,
        mask_fields=list(sensitive or fingerprinted),
        mask_callable="samen.audit.redaction.fingerprint" if fingerprinted else None,
        exclude_fields=list(exclude),
        m2m_fields=set(m2m),
    )
    if confidential:
        CONFIDENTIAL_MODELS.add(model)


def register_domain_models() -> None:
    """Follow the third-party models whose changes matter for accountability."""
    from allauth.mfa.models import Authenticator
    from knox.models import AuthToken

    # Who switched two-factor authentication on or off; the secret itself never appears.
    track(Authenticator, sensitive=("data",), exclude=("last_used_at",))
    # Who got or revoked an API token, and until when; never the token.
    track(AuthToken, sensitive=("digest", "token_key"))
