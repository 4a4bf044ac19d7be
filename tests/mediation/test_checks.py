"""The system check of the retention settings (samen/mediation/checks.py)."""

from samen.mediation.checks import retention_settings_valid


def test_a_warning_inside_the_period_passes(settings):
    settings.SAMEN_MEDIATION_RETENTION_YEARS = 2
    settings.SAMEN_MEDIATION_IDLE_WARNING_MONTHS = 12
    assert retention_settings_valid(None) == []


def test_a_warning_at_or_after_the_end_of_the_period_stops_the_start(settings):
    settings.SAMEN_MEDIATION_RETENTION_YEARS = 1
    settings.SAMEN_MEDIATION_IDLE_WARNING_MONTHS = 12
    errors = retention_settings_valid(None)
    assert [e.id for e in errors] == ["mediation.E001"]
    settings.SAMEN_MEDIATION_IDLE_WARNING_MONTHS = 0
    assert [e.id for e in retention_settings_valid(None)] == ["mediation.E001"]
