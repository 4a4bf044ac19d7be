"""Refuse to run in production without the case encryption and index keys."""

from __future__ import annotations

from django.core.checks import Error, Tags, register

from samen.cases import crypto


@register(Tags.security)
def case_keys_configured(app_configs, **kwargs) -> list[Error]:
    """cases.E001: outside debug and tests, SAMEN_CASE_KEYS and SAMEN_CASE_INDEX_KEY must be
    real keys (`samen serve` runs the checks and so does not start without them)."""
    if crypto.development_mode():
        return []
    return [
        Error(problem, hint="See docs/cases.md, 'Keys and rotation'.", id="cases.E001")
        for problem in crypto.key_problems()
    ]
