"""The demo's reports: last year's sent to federal and Flemish partners, this year's a draft."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone

from samen.core.seeding import SeedRun
from samen.people.models import Organisation, PolicyLevel
from samen.reporting.models import LevelReport
from samen.reporting.seed import seed_level_reports


def run() -> SeedRun:
    return SeedRun(seed=1, staff=0, places_dir=Path("."), out=lambda line: None, progress=False)


def test_without_an_analyst_or_partners_nothing_is_made(db):
    seed_level_reports(run())
    assert not LevelReport.objects.exists()


def test_last_years_report_is_sent_and_this_years_drafted(personas, partners):
    seed_level_reports(run())
    year = timezone.localdate().year
    sent = LevelReport.objects.get(year=year - 1)
    assert sent.status == LevelReport.Status.SENT
    assert sent.signed_off_by == personas.analyst
    levels = set(sent.recipients.values_list("policy_level", flat=True))
    assert levels <= {PolicyLevel.FEDERAL, PolicyLevel.FLEMISH}
    assert set(sent.recipients.all()) <= set(Organisation.objects.exclude(pk=partners.city.pk))
    assert LevelReport.objects.get(year=year).status == LevelReport.Status.DRAFT
