"""The signal endpoints: thin views over the same access rules and actions as the web pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from samen.api.scopes import PeopleOnly
from samen.api.tokens import API_AUTHENTICATION
from samen.places.models import without_boundaries
from samen.privacy.case_references import CASE_REFERENCE, CASE_REFERENCE_LABEL, CaseReferenceError
from samen.privacy.identifiers import KIND_LABELS
from samen.privacy.text_guard import PersonalDataError
from samen.signals import actions
from samen.signals.access import check_may_report, get_signal_for_user, visible_signals
from samen.signals.api import examples
from samen.signals.api.serializers import (
    CategorySerializer,
    PersonalDataErrorSerializer,
    SignalFilterSerializer,
    SignalInputSerializer,
    SignalSerializer,
    read_signal_fields,
)
from samen.signals.models import Category, Signal


class MayReportWhenPosting(BasePermission):
    """Reading is for everyone signed in (the list shows what they may see); filing is for
    the reporting roles (samen.signals.access.check_may_report)."""

    def has_permission(self, request, view) -> bool:
        if request.method != "POST":
            return True
        try:
            check_may_report(request.user)
        except PermissionDenied:
            return False
        return True


def personal_data_response(error: PersonalDataError) -> Response:
    """422 with where the identifiers sit; the text is not echoed back."""
    return Response(
        {
            "detail": _(
                "The text holds personal identifiers. Describe the situation without them; "
                "nothing was stored."
            ),
            "personal_data": [
                {
                    "field": error.field,
                    "kind": finding.kind,
                    "label": str(KIND_LABELS[finding.kind]),
                    "start": finding.start,
                    "end": finding.end,
                }
                for finding in error.findings
            ],
        },
        status=status.HTTP_422_UNPROCESSABLE_ENTITY,
    )


def case_reference_response(error: CaseReferenceError) -> Response:
    """422 with where the case references sit, in the shape of personal_data_response."""
    return Response(
        {
            "detail": _(
                "The text refers to the case consultation, whose information may only be used "
                "inside it. Leave the reference out; nothing was stored."
            ),
            "personal_data": [
                {
                    "field": error.field,
                    "kind": CASE_REFERENCE,
                    "label": str(CASE_REFERENCE_LABEL),
                    "start": found.start,
                    "end": found.end,
                }
                for found in error.found
            ],
        },
        status=status.HTTP_422_UNPROCESSABLE_ENTITY,
    )


@extend_schema_view(
    get=extend_schema(
        summary="List the signals you may see",
        parameters=[SignalFilterSerializer],
        responses={
            200: SignalSerializer(many=True),
            400: OpenApiResponse(description="Bad filter"),
        },
        examples=examples.SIGNALS,
    ),
    post=extend_schema(
        summary="File a signal",
        request=SignalInputSerializer,
        responses={
            201: SignalSerializer,
            400: OpenApiResponse(description="Field messages, in the language asked for"),
            403: OpenApiResponse(description="Your role does not file signals"),
            422: PersonalDataErrorSerializer,
        },
        examples=examples.FILE_SIGNAL,
    ),
)
class SignalListView(generics.GenericAPIView):
    """GET: the signals you may see, newest first; POST: file one, like the web form."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated, MayReportWhenPosting]
    serializer_class = SignalSerializer

    def get_queryset(self):
        return (
            without_boundaries(
                visible_signals(Signal.objects.all(), self.request.user),
                "district",
                "neighbourhood",
            )
            .prefetch_related("categories")
            .order_by("-occurred_at", "-pk")
        )

    def get(self, request: Request) -> Response:
        filters = SignalFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        page = self.paginate_queryset(filters.apply(self.get_queryset()))
        return self.get_paginated_response(SignalSerializer(page, many=True).data)

    def post(self, request: Request) -> Response:
        fields = read_signal_fields(request.data)
        if fields is None:
            # Not plainly well-formed: the serializer decides, and words any errors.
            incoming = SignalInputSerializer(data=request.data)
            incoming.is_valid(raise_exception=True)
            fields = incoming.signal_fields()
        try:
            signal = actions.signal_record(by=request.user, fields=fields)
        except PersonalDataError as error:
            return personal_data_response(error)
        except CaseReferenceError as error:
            return case_reference_response(error)
        except ValidationError as error:
            detail = (
                error.message_dict
                if hasattr(error, "error_dict")
                else {"non_field_errors": error.messages}
            )
            raise serializers.ValidationError(detail) from None
        codes = [c.code for c in fields.categories]
        data = SignalSerializer(signal, context={"category_codes": codes}).data
        return Response(data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="One signal",
    responses={200: SignalSerializer, 404: OpenApiResponse(description="Absent or not yours")},
    examples=examples.ONE_SIGNAL,
)
class SignalDetailView(generics.GenericAPIView):
    """One signal you may see; 404 alike for one that does not exist and one you may not see."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]
    serializer_class = SignalSerializer

    def get(self, request: Request, pk: int) -> Response:
        signal = get_signal_for_user(request.user, pk)
        return Response(SignalSerializer(signal).data)


@extend_schema(
    summary="The category tree, names in the language asked for", examples=examples.CATEGORIES
)
class CategoryListView(generics.ListAPIView):
    """Every category with its code; `selectable` ones may be put on a signal."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]
    serializer_class = CategorySerializer
    pagination_class = None

    def get_queryset(self):
        return Category.objects.select_related("parent").order_by("group", "order", "code")
