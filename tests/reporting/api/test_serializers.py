"""What the reports API shows of a report: its record, links, and content in the documented
shape, never who drew or signed it."""

from __future__ import annotations

from rest_framework.test import APIRequestFactory

from samen.reporting.actions import level_report_draw
from samen.reporting.api.serializers import (
    EXAMPLE_CONTENT,
    ContentSerializer,
    LevelReportDetailSerializer,
    LevelReportSerializer,
)


def test_a_report_shows_its_record_and_links_but_no_person(personas):
    report = level_report_draw(by=personas.analyst, year=2025)
    request = APIRequestFactory().get("/api/reports/")
    data = LevelReportSerializer(report, context={"request": request}).data
    assert data["year"] == 2025
    assert data["url"].endswith(f"/api/reports/{report.pk}/")
    assert data["csv_url"].endswith(f"/api/reports/{report.pk}/csv/")
    assert not {"drawn_by", "signed_off_by", "sent_by"} & set(data)


def test_the_detail_carries_the_content_as_stored(personas):
    report = level_report_draw(by=None, year=2025)
    request = APIRequestFactory().get("/api/reports/")
    data = LevelReportDetailSerializer(report, context={"request": request}).data
    assert data["content"]["sections"] == report.content["sections"]
    assert data["content"]["year"] == 2025


def test_the_documented_example_fits_the_schema():
    serializer = ContentSerializer(data=EXAMPLE_CONTENT)
    assert serializer.is_valid(), serializer.errors
