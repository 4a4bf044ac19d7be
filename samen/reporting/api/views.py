"""The reports API: the city's reports to other levels, as signed off and sent.

A partner organisation's token with `statistics:read` reads the reports sent to its
organisation; a person's token reads what the person reads on the pages. Same 404 for a report
that does not exist and one not sent to the reader.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied

from samen.api.scopes import STATISTICS_READ, partner_token_of, requires_scope
from samen.api.tokens import API_AUTHENTICATION
from samen.exports.files import CSV_TYPE
from samen.reporting import content
from samen.reporting.access import may_read_level_reports, sent_to, visible_level_reports
from samen.reporting.api.serializers import LevelReportDetailSerializer, LevelReportSerializer


class ReportsMixin:
    authentication_classes = API_AUTHENTICATION
    permission_classes = [requires_scope(STATISTICS_READ)]

    def get_queryset(self):
        token = partner_token_of(self.request)
        if token is not None:
            return sent_to(token.organisation)
        if not may_read_level_reports(self.request.user):
            raise PermissionDenied
        return visible_level_reports(self.request.user)


@extend_schema(summary="The reports to other policy levels this token may read")
class LevelReportListView(ReportsMixin, generics.ListAPIView):
    serializer_class = LevelReportSerializer
    pagination_class = None


@extend_schema(
    summary="One report to other policy levels, with its frozen content",
    responses={
        200: LevelReportDetailSerializer,
        404: OpenApiResponse(description="No such report"),
    },
)
class LevelReportDetailView(ReportsMixin, generics.RetrieveAPIView):
    serializer_class = LevelReportDetailSerializer


@extend_schema(
    summary="One report to other policy levels as CSV (the JSON's field names)",
    responses={
        (200, "text/csv"): OpenApiResponse(
            response=OpenApiTypes.STR,
            description="The CSV",
            examples=[
                OpenApiExample(
                    "Two sections of a yearly report",
                    response_only=True,
                    media_type="text/csv",
                    value=(
                        "section,district_code,district_name,signals\n"
                        "signals,11002S,Borgerhout,312\n"
                        "signals,11002A,Berchem,<5\n"
                        "section,district_code,district_name,weeks_at_level_3_or_more\n"
                        "tension,11002S,Borgerhout,4\n"
                    ),
                )
            ],
        ),
        404: OpenApiResponse(description="No such report"),
    },
)
class LevelReportCsvView(ReportsMixin, generics.GenericAPIView):
    serializer_class = LevelReportSerializer

    def get(self, request, pk: int) -> HttpResponse:
        report = get_object_or_404(self.get_queryset(), pk=pk)
        response = HttpResponse(content.as_csv(report.content), content_type=CSV_TYPE)
        response["Content-Disposition"] = f'attachment; filename="samen-report-{report.year}.csv"'
        return response
