"""GET /api/statistics/: counts of signals per district, period and category, small cells
suppressed, for people who may export the statistics and for partner tokens with
statistics:read. The same table as the statistics export (samen.signals.statistics)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samen.api.scopes import STATISTICS_READ, partner_token_of, requires_scope
from samen.api.tokens import API_AUTHENTICATION
from samen.privacy.small_cells import HIDDEN, SMALL
from samen.signals.statistics import statistics_initial, statistics_payload, statistics_read

# Counts before this day are not asked for: the weekly counts begin long after it.
EARLIEST = datetime.date(2000, 1, 1)
LONGEST_DAYS = 5 * 366


class StatisticsFilterSerializer(serializers.Serializer):
    since = serializers.DateField(
        required=False, help_text=gettext_lazy("First day; by default twelve months ago.")
    )
    until = serializers.DateField(
        required=False, help_text=gettext_lazy("Last day; by default the end of last month.")
    )
    granularity = serializers.ChoiceField(
        choices=["month", "week"], default="month", help_text=gettext_lazy("Counts per.")
    )
    level = serializers.ChoiceField(
        choices=["category", "group"],
        default="category",
        help_text=gettext_lazy("Each category, or per category group."),
    )

    def validate(self, data):
        initial = statistics_initial()
        data.setdefault("since", initial["since"])
        data.setdefault("until", initial["until"])
        since, until = data["since"], data["until"]
        if since < EARLIEST:
            raise serializers.ValidationError(_("Ask for counts from 2000 on."))
        if until < since:
            raise serializers.ValidationError(_("The period ends before it starts."))
        if (until - since).days > LONGEST_DAYS:
            raise serializers.ValidationError(_("Choose a period of at most five years."))
        if until > timezone.localdate() + datetime.timedelta(days=366):
            raise serializers.ValidationError(_("The period ends too far ahead."))
        return data


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": 0},
            {"type": "string", "enum": [SMALL, HIDDEN]},
        ],
        "description": "A count; '<5' for 1 to 4, 'x' hidden so that no such count can be "
        "worked out from the others.",
    }
)
class CountField(serializers.Field):
    def to_representation(self, value):
        return value


class ColumnSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=gettext_lazy('"all", or a category or group code.'))
    label = serializers.CharField()


class RowSerializer(serializers.Serializer):
    district = serializers.CharField(help_text=gettext_lazy("District code."))
    district_name = serializers.CharField()
    period = serializers.CharField(help_text=gettext_lazy("2026-03 (month) or 2026-W11 (week)."))
    counts = serializers.ListField(child=CountField(), help_text=gettext_lazy("One per column."))


class StatisticsSerializer(serializers.Serializer):
    since = serializers.DateField()
    until = serializers.DateField()
    granularity = serializers.CharField()
    level = serializers.CharField()
    columns = ColumnSerializer(many=True)
    rows = RowSerializer(many=True)


EXAMPLE = {
    "since": "2026-01-01",
    "until": "2026-02-28",
    "granularity": "month",
    "level": "group",
    "columns": [
        {"code": "all", "label": "All signals"},
        {"code": "polarisation", "label": "Polarisation"},
        {"code": "life_domain", "label": "Life domain"},
    ],
    "rows": [
        {
            "district": "11002S",
            "district_name": "Borgerhout",
            "period": "2026-01",
            "counts": [23, 14, 9],
        },
        {
            "district": "11002S",
            "district_name": "Borgerhout",
            "period": "2026-02",
            "counts": [7, "<5", "x"],
        },
    ],
}


@extend_schema(
    summary="Counts of signals per district, period and category, small cells suppressed",
    description="For people who may export the signal statistics, and for partner tokens "
    "with the scope statistics:read. Every count from 1 to 4 is '<5'; 'x' hides a cell from "
    "which a count under 5 could be worked out. Each read is recorded in the audit trail.",
    parameters=[StatisticsFilterSerializer],
    responses={
        200: StatisticsSerializer,
        400: OpenApiResponse(description="Bad period or choice"),
        403: OpenApiResponse(description="Not allowed the statistics, or no statistics:read"),
    },
    examples=[
        OpenApiExample("Per month and group", value=EXAMPLE, response_only=True),
        OpenApiExample(
            "Bad period",
            value={"non_field_errors": ["The period ends before it starts."]},
            response_only=True,
            status_codes=["400"],
        ),
    ],
)
class StatisticsView(APIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [requires_scope(STATISTICS_READ)]

    def get(self, request: Request) -> Response:
        filters = StatisticsFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        chosen = filters.validated_data
        table = statistics_read(
            by=request.user,
            partner=partner_token_of(request),
            request=request._request,
            **chosen,
        )
        data = {**{k: str(v) for k, v in chosen.items()}, **statistics_payload(table)}
        return Response(data)
