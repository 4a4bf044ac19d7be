"""The report's record: one per year, named in the reader's language, its content audited as a
fingerprint."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from samen.reporting.actions import level_report_draw
from samen.reporting.models import LevelReport


def test_one_report_per_year(personas):
    report = level_report_draw(by=None, year=2025)
    with pytest.raises(IntegrityError):
        LevelReport.objects.create(
            year=2025, content={}, content_sha256="0", drawn_at=report.drawn_at
        )


def test_the_name_and_order(personas):
    level_report_draw(by=None, year=2024)
    level_report_draw(by=None, year=2025)
    assert [r.year for r in LevelReport.objects.all()] == [2025, 2024]
    assert str(LevelReport.objects.first()) == "Report 2025 to other policy levels"
