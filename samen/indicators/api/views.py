"""The read-only indicators API: the indicators, and their values by place and year.

For other policy levels. Values under the small-number rule come without a value, only
their status, as on the pages.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from samen.api.scopes import PeopleOnly
from samen.api.tokens import API_AUTHENTICATION
from samen.indicators.access import check_may_read, get_indicator_for_user, visible_indicators
from samen.indicators.api.serializers import (
    MAX_YEARS,
    IndicatorSerializer,
    ResultFilterSerializer,
    ResultSerializer,
)
from samen.indicators.figures import compute_table, years_with_data
from samen.indicators.models import Aggregate
from samen.places.models import Place


@extend_schema(summary="The indicators, names in the language asked for")
class IndicatorListView(generics.ListAPIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]
    serializer_class = IndicatorSerializer
    pagination_class = None

    def get_queryset(self):
        check_may_read(self.request.user)
        return visible_indicators(self.request.user)


@extend_schema(
    summary="An indicator's values by place and year",
    parameters=[ResultFilterSerializer],
    responses={
        200: ResultSerializer(many=True),
        400: OpenApiResponse(description="Bad filter"),
        404: OpenApiResponse(description="No such indicator or place"),
    },
)
class IndicatorValuesView(generics.GenericAPIView):
    """Values of one indicator for the places of a level (or one place), over years; the
    latest ten years with figures unless asked otherwise."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]
    serializer_class = ResultSerializer

    def get(self, request: Request, code: str) -> Response:
        indicator = get_indicator_for_user(request.user, code)
        filters = ResultFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        chosen = filters.validated_data
        years = years_with_data([indicator])
        if "year_from" in chosen or "year_to" in chosen:
            start = chosen.get("year_from", min(years, default=0))
            end = chosen.get("year_to", start + MAX_YEARS - 1)
            years = [y for y in years if start <= y <= end][:MAX_YEARS]
        else:
            years = years[-10:]
        city = Place.objects.get(kind=Place.Kind.CITY, parent__isnull=True)
        if chosen.get("place"):
            places = [get_object_or_404(Place, code=chosen["place"])]
        elif chosen["level"] == "city":
            places = [city]
        else:
            places = list(Place.objects.filter(kind=chosen["level"]).order_by("code"))
        table = compute_table(indicator, places, years, city=city)
        synthetic = table.synthetic
        rows = []
        for place in places:
            for year in years:
                rows.append(
                    _row(
                        place,
                        year,
                        Aggregate.BOUNDARIES_THEN,
                        table.result(place.pk, year),
                        synthetic,
                    )
                )
                if place.pk == city.pk and year in table.city_today:
                    rows.append(
                        _row(
                            place,
                            year,
                            Aggregate.BOUNDARIES_TODAY,
                            table.city_today[year],
                            synthetic,
                        )
                    )
        return Response(ResultSerializer(rows, many=True).data)


def _row(place: Place, year: int, boundaries: str, result, synthetic: bool) -> dict:
    return {
        "place": place.code,
        "place_name": place.name,
        "kind": place.kind,
        "year": year,
        "boundaries": boundaries,
        "status": result.status,
        "value": result.value if result.shown else None,
        "synthetic": synthetic,
    }
