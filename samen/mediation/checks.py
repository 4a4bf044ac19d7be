"""Refuse to start with a retention period or an idle warning that cannot work."""

from __future__ import annotations

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from samen.mediation import periods


@register()
def retention_settings_valid(app_configs, **kwargs) -> list[Error]:
    """mediation.E001: the period is a year or more, and the idle warning comes before it
    (otherwise every mediation page would fail, and so would the nightly run)."""
    try:
        periods.idle_warning_months()
    except ImproperlyConfigured as problem:
        return [
            Error(str(problem), hint="See docs/mediation.md, 'Retention'.", id="mediation.E001")
        ]
    return []
