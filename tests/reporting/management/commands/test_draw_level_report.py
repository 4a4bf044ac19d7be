"""`samen draw_level_report`: draws a year's draft now, or refuses a signed-off year."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from samen.reporting.actions import level_report_draw, level_report_sign_off
from samen.reporting.models import LevelReport


def test_it_draws_the_year_asked(personas, capsys):
    call_command("draw_level_report", "--year", "2025")
    assert LevelReport.objects.get(year=2025).drawn_by is None
    assert "2025" in capsys.readouterr().out


def test_a_signed_off_year_is_refused(personas):
    level_report_sign_off(by=personas.analyst, report=level_report_draw(by=None, year=2025))
    with pytest.raises(CommandError):
        call_command("draw_level_report", "--year", "2025")
