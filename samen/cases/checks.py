"""Refuse to run in production without the case encryption and index keys."""

from __future__ import annotations

from django.core.checks import Error, Tags, Warning, register

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


@register(Tags.security, deploy=True)
def case_read_audit_on(app_configs, **kwargs) -> list[Warning]:
    """cases.W002: the benchmark switch that turns the read audit off must never reach a real
    deployment (`check --deploy --fail-level WARNING` refuses it)."""
    from samen.cases.access import read_audit_enabled

    if read_audit_enabled():
        return []
    return [
        Warning(
            "Reads of cases are not recorded: SAMEN_BENCH_VIEWS and "
            "SAMEN_BENCH_CASE_READ_AUDIT=off are set, which only a benchmark may do.",
            hint="Unset both variables.",
            id="cases.W002",
        )
    ]
