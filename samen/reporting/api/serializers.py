"""What the reports API shows: a report's record and its frozen content. Nothing here saves."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema_serializer
from rest_framework import serializers
from rest_framework.reverse import reverse

from samen.reporting.models import LevelReport

EXAMPLE_CONTENT = {
    "schema_version": 1,
    "year": 2025,
    "drawn_at": "2026-01-15T04:00:00+01:00",
    "sections": [
        {
            "code": "signals_per_district",
            "columns": ["district", "category", "signals"],
            "rows": [
                {"district": "11002S", "category": "racism", "signals": 41},
                {"district": "11002S", "category": "islamist", "signals": "<5"},
                {"district": "11002S", "category": "all", "signals": "x"},
            ],
        },
        {
            "code": "tension_per_district",
            "columns": [
                "district",
                "weeks_judged",
                "highest_level",
                "weeks_high_or_critical",
                "last_level",
            ],
            "rows": [
                {
                    "district": "11002S",
                    "weeks_judged": 52,
                    "highest_level": 3,
                    "weeks_high_or_critical": 4,
                    "last_level": 2,
                }
            ],
        },
    ],
}


class SectionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The section, e.g. signals_per_district.")
    columns = serializers.ListField(
        child=serializers.CharField(), help_text="The field names of every row, in order."
    )
    rows = serializers.ListField(
        child=serializers.DictField(),
        help_text=(
            "One object per row, keyed by the column names. A suppressed count is the string "
            '"<5" (1 to 4) or "x" (hidden because a total would give it away); no figure is '
            "null."
        ),
    )


class ContentSerializer(serializers.Serializer):
    schema_version = serializers.IntegerField()
    year = serializers.IntegerField()
    drawn_at = serializers.CharField(help_text="When the figures were drawn (ISO 8601).")
    sections = SectionSerializer(many=True)


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A sent report",
            value={
                "id": 3,
                "year": 2025,
                "status": "sent",
                "content_sha256": "9f2c…",
                "signed_off_at": "2026-01-20T10:12:00+01:00",
                "sent_at": "2026-01-21T09:00:00+01:00",
                "url": "https://samen.example/api/reports/3/",
                "csv_url": "https://samen.example/api/reports/3/csv/",
            },
            response_only=True,
        )
    ]
)
class LevelReportSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    csv_url = serializers.SerializerMethodField()

    class Meta:
        model = LevelReport
        fields = [
            "id",
            "year",
            "status",
            "content_sha256",
            "signed_off_at",
            "sent_at",
            "url",
            "csv_url",
        ]
        read_only_fields = fields

    def get_url(self, report: LevelReport) -> str:
        request = self.context.get("request")
        return reverse("reporting_api:report", args=[report.pk], request=request)

    def get_csv_url(self, report: LevelReport) -> str:
        request = self.context.get("request")
        return reverse("reporting_api:report_csv", args=[report.pk], request=request)


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "A report with its content",
            value={"id": 3, "year": 2025, "status": "sent", "content": EXAMPLE_CONTENT},
            response_only=True,
        )
    ]
)
class LevelReportDetailSerializer(LevelReportSerializer):
    content = ContentSerializer()

    class Meta(LevelReportSerializer.Meta):
        fields = [*LevelReportSerializer.Meta.fields, "content"]
        read_only_fields = fields
