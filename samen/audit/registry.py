"""Which models the audit trail follows, and which of their fields are sensitive."""

from __future__ import annotations

from auditlog.registry import auditlog
from django.db import models

# Models whose reads are recorded too (see samen.audit.reads).
CONFIDENTIAL_MODELS: set[type[models.Model]] = set()
# Models the trail names where another record refers to them (a person, a district), rather
# than giving their number (see samen.audit.display).
NAMED_MODELS: set[type[models.Model]] = set()

# What track() was asked for, registered with auditlog once every model is loaded
# (register_domain_models, from AuditConfig.ready): only then are the reverse relations known.
_TRACKED: dict[type[models.Model], dict] = {}
_registered: list[bool] = []  # set once that has happened: a later track() registers at once


def track(
    model: type[models.Model],
    *,
    sensitive: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    fingerprinted: tuple[str, ...] = (),
    m2m: tuple[str, ...] = (),
    confidential: bool = False,
    named: bool = False,
) -> None:
    """Record every create, update and delete of `model`, in the writing transaction.

    `sensitive` fields appear in the trail as changed, with both values fully redacted;
    `exclude` fields (bookkeeping such as last_login) are not followed at all;
    `fingerprinted` fields (large values such as boundaries) appear as a short fingerprint;
    `m2m` fields record what was added to or removed from them;
    `named`: where another record refers to one of these, the trail shows its name (people,
    places, teams: names every reader of the trail may see), not its number.
    """
    if sensitive and fingerprinted:
        raise ValueError(
            "A model's masked fields share one mask: choose sensitive or fingerprinted."
        )
    _TRACKED[model] = {
        "mask_fields": list(sensitive or fingerprinted),
        "mask_callable": "samen.audit.redaction.fingerprint" if fingerprinted else None,
        "exclude_fields": list(exclude),
        "m2m_fields": set(m2m),
    }
    if confidential:
        CONFIDENTIAL_MODELS.add(model)
    if named:
        NAMED_MODELS.add(model)
    if _registered:
        _register(model)


def reverse_relations(model: type[models.Model]) -> list[str]:
    """The names of the relations other models hold to `model` (a signal's comments, say).

    auditlog lists them in the record of a creation or deletion, as "signals.Comment.None":
    nothing about the record itself, and each one costs a related manager on every write.
    """
    return [
        field.name
        for field in model._meta.get_fields()
        if field.auto_created and not field.concrete and not field.many_to_many
    ]


def _register_tracked() -> None:
    for model in _TRACKED:
        _register(model)
    _registered.append(True)


def _register(model: type[models.Model]) -> None:
    options = _TRACKED[model]
    exclude = [*options["exclude_fields"], *reverse_relations(model)]
    auditlog.register(model, **{**options, "exclude_fields": exclude})


def register_domain_models() -> None:
    """Follow the third-party models whose changes matter for accountability."""
    from allauth.mfa.models import Authenticator
    from knox.models import AuthToken

    # Who switched two-factor authentication on or off; the secret itself never appears.
    track(Authenticator, sensitive=("data",), exclude=("last_used_at",))
    # Who got or revoked an API token, and until when; never the token.
    track(AuthToken, sensitive=("digest", "token_key"))
    _register_tracked()
