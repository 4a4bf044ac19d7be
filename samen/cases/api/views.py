"""The case endpoints: thin views over the same access functions and actions as the pages.

A person without a case role, a case they may not see and a case that does not exist all
answer the same 404. Members must use a two-factor token and have acknowledged the rules for
the current meeting (403 with a code otherwise). Every case answer names its reader in the
X-Samen-Reader header, and a list answers one page at most: there is no bulk export.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from samen.api.scopes import PeopleOnly
from samen.api.tokens import API_AUTHENTICATION
from samen.cases import access
from samen.cases.access import AcknowledgementRequiredError, SecondFactorRequiredError
from samen.cases.access.lists import listed_for_reader
from samen.cases.actions.cases import referral_submit
from samen.cases.api.serializers import (
    CaseDetailSerializer,
    CaseSerializer,
    ReferralInputSerializer,
    ReferralReceivedSerializer,
)

REFUSALS = {
    403: OpenApiResponse(
        description="code two_factor_required (use a two-factor token) or "
        "acknowledgement_required (acknowledge the rules on the web first)"
    ),
    404: OpenApiResponse(description="No such case, or not yours: the same answer"),
}


def refusal(error: Exception) -> Response:
    if isinstance(error, SecondFactorRequiredError):
        detail, code = (
            _("Use a token created after signing in with a second factor."),
            ("two_factor_required"),
        )
    else:
        detail, code = (
            _("Acknowledge the confidentiality rules on the web first."),
            ("acknowledgement_required"),
        )
    return Response({"detail": detail, "code": code}, status=status.HTTP_403_FORBIDDEN)


# The reader of every case answer, as "<account number> <full name>": the number first so
# that a program splits it off at the first space, and nothing about anyone else.
READER_HEADER = "X-Samen-Reader"
# The parameters a case list takes; anything else (page_size, all, ...) is refused.
LIST_PARAMETERS = frozenset({"limit", "offset", "format"})


def with_reader(response: Response, reader) -> Response:
    """Name `reader` on a case answer, as a printed case names them on every page."""
    # Django encodes a name outside Latin-1 as RFC 2047 UTF-8; split() drops line breaks.
    response[READER_HEADER] = " ".join([str(reader.pk), *reader.full_name.split()])
    return response


class CasePagination(LimitOffsetPagination):
    """One page of cases per request: asking for more is refused (one_page_refusal), never
    silently capped."""

    default_limit = max_limit = 100


def one_page_refusal(request: Request) -> Response | None:
    """A 400 with a message for a list request that asks for more than one page."""
    unknown = sorted(set(request.query_params) - LIST_PARAMETERS)
    if unknown:
        detail = _("The case list takes limit and offset only, not: %(names)s.") % {
            "names": ", ".join(unknown)
        }
    else:
        limit = request.query_params.get("limit", str(CasePagination.default_limit))
        offset = request.query_params.get("offset", "0")
        # Length first: int() refuses thousands of digits, and the database a huge offset.
        whole = limit.isdecimal() and offset.isdecimal() and len(offset) <= 12
        if not whole or int(limit[:12] or 0) < 1:
            detail = _("limit and offset are whole numbers, and limit is at least 1.")
        elif len(limit) > 12 or int(limit) > CasePagination.max_limit:
            detail = _(
                "A request lists at most %(maximum)s cases: ask for the next ones with offset."
            ) % {"maximum": CasePagination.max_limit}
        else:
            return None
    return Response({"detail": detail, "code": "one_page_only"}, status.HTTP_400_BAD_REQUEST)


@extend_schema(
    summary="List the cases you sit at the table for (each case listed is logged as read)",
    description="One page per request (limit at most 100); more is refused with 400.",
    responses={
        200: CaseSerializer(many=True),
        400: OpenApiResponse(description="code one_page_only: more than one page asked for"),
        **REFUSALS,
    },
)
class CaseListView(generics.GenericAPIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]
    serializer_class = CaseSerializer
    pagination_class = CasePagination

    def get(self, request: Request) -> Response:
        try:
            access.check_case_session(request)
        except (SecondFactorRequiredError, AcknowledgementRequiredError) as error:
            return refusal(error)
        refused = one_page_refusal(request)
        if refused is not None:
            return refused
        cases = access.cases_visible_to(request.user).order_by("status", "review_on", "pk")
        page = listed_for_reader(request, self.paginate_queryset(cases))
        response = self.get_paginated_response(CaseSerializer(page, many=True).data)
        return with_reader(response, request.user)


@extend_schema(
    summary="One case (the read is logged)",
    responses={200: CaseDetailSerializer, **REFUSALS},
)
class CaseDetailView(APIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]

    def get(self, request: Request, pk: int) -> Response:
        try:
            case = access.get_case_for_reader(request, pk, purpose="api")
        except (SecondFactorRequiredError, AcknowledgementRequiredError) as error:
            return refusal(error)
        return with_reader(Response(CaseDetailSerializer(case).data), request.user)


@extend_schema(
    summary="Refer a person to the case consultation",
    request=ReferralInputSerializer,
    responses={
        202: ReferralReceivedSerializer,
        400: OpenApiResponse(description="Field messages, in the language asked for"),
        404: OpenApiResponse(description="Your role does not refer"),
    },
)
class ReferralCreateView(APIView):
    """Send a referral to the mayor. The answer is the same for known and unknown people."""

    authentication_classes = API_AUTHENTICATION
    permission_classes = [PeopleOnly, IsAuthenticated]

    def post(self, request: Request) -> Response:
        access.check_may_refer(request.user)
        incoming = ReferralInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        try:
            referral_submit(by=request.user, **incoming.validated_data)
        except ValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error.messages
            return Response(detail, status=status.HTTP_400_BAD_REQUEST)
        except PermissionDenied:
            return Response(status=status.HTTP_404_NOT_FOUND)
        return Response(
            {"detail": _("Thank you. The referral goes to the mayor, who decides on it.")},
            status=status.HTTP_202_ACCEPTED,
        )
