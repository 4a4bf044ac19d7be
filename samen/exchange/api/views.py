"""The exchange API: a partner organisation's system (through its partner token) or a person
(through their own token) reads its circulars, and lists, opens and answers its exchanges.

A partner token stands for its organisation: it sees the exchanges that organisation is a side
of and the circulars it sent (or that were sent on its behalf), and writes for it. A person
sees what the pages show them. Absent and forbidden alike answer 404.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from samen.api.scopes import CIRCULARS_READ, EXCHANGES_WRITE, partner_token_of, requires_scope
from samen.api.tokens import API_AUTHENTICATION
from samen.exchange import actions as act
from samen.exchange.access import (
    circulars_of_organisation,
    exchanges_of_organisation,
    get_exchange_for_token,
    get_exchange_for_user,
    visible_circulars,
    visible_exchanges,
)
from samen.exchange.api.serializers import (
    CircularSerializer,
    ExchangeDetailSerializer,
    ExchangeOpenSerializer,
    ExchangeSerializer,
    MessageSerializer,
    MessageWriteSerializer,
)
from samen.people.models import Organisation
from samen.places.models import Place

OPEN_EXAMPLE = OpenApiExample(
    "A Flemish partner asks the city a question",
    request_only=True,
    value={
        "kind": "request",
        "subject": "Stand van zaken preventieplan polarisatie",
        "from_organisation": 12,
        "to_organisation": 3,
        "to_district": "11002S",
        "due_on": "2027-01-15",
        "body": "Kunnen jullie een korte stand van zaken bezorgen?",
    },
)
EXCHANGE_EXAMPLE = OpenApiExample(
    "An open exchange",
    response_only=True,
    value={
        "id": 7,
        "kind": "request",
        "subject": "Stand van zaken preventieplan polarisatie",
        "status": "open",
        "from_organisation": "Vlaams netwerk preventie radicalisering",
        "from_district": None,
        "to_organisation": "Stad – departement Samenleven",
        "to_district": "11002S",
        "due_on": "2027-01-15",
        "created_at": "2026-12-06T09:30:00+01:00",
        "answered_at": None,
    },
)
FIRST_MESSAGE = {
    "number": 1,
    "side": "sender",
    "is_answer": False,
    "body": "Kunnen jullie een korte stand van zaken bezorgen?",
    "created_at": "2026-12-06T09:30:00+01:00",
}
ANSWER = {
    "number": 2,
    "side": "receiver",
    "is_answer": True,
    "body": "De cijfers volgen in januari.",
    "created_at": "2026-12-07T14:05:00+01:00",
}
DETAIL_EXAMPLE = OpenApiExample(
    "An answered exchange with its messages",
    response_only=True,
    value={
        **EXCHANGE_EXAMPLE.value,
        "status": "answered",
        "answered_at": ANSWER["created_at"],
        "messages": [FIRST_MESSAGE, ANSWER],
    },
)
ANSWER_EXAMPLE = OpenApiExample("The answer as written", response_only=True, value=ANSWER)
CIRCULAR_EXAMPLE = OpenApiExample(
    "A circular and how many have read it",
    response_only=True,
    value=[
        {
            "id": 4,
            "kind": "alert",
            "title": "Dreigingsniveau aangepast",
            "body": "Het nationale dreigingsniveau is aangepast.",
            "threat_level": 3,
            "issuer": "FOD Binnenlandse Zaken",
            "sent_at": "2026-12-06T08:00:00+01:00",
            "read_reminder_hours": 24,
            "recipients": 40,
            "read": 31,
        }
    ],
)


def _refused(refusal: ValidationError) -> Response:
    return Response(refusal.message_dict, status=status.HTTP_400_BAD_REQUEST)


@extend_schema(
    summary="The circulars of the token's organisation (a person: those they received or sent)",
    examples=[CIRCULAR_EXAMPLE],
)
class CircularListView(ListAPIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [requires_scope(CIRCULARS_READ)]
    serializer_class = CircularSerializer

    def get_queryset(self):
        token = partner_token_of(self.request)
        circulars = (
            circulars_of_organisation(token.organisation)
            if token is not None
            else visible_circulars(self.request.user)
        )
        return circulars.annotate(
            recipient_count=Count("recipients", distinct=True),
            read_count=Count(
                "recipients", filter=Q(recipients__read_at__isnull=False), distinct=True
            ),
        ).order_by("-sent_at", "-pk")


class ExchangeListView(ListAPIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [requires_scope(EXCHANGES_WRITE)]
    serializer_class = ExchangeSerializer

    def get_queryset(self):
        token = partner_token_of(self.request)
        if token is not None:
            return exchanges_of_organisation(token.organisation)
        return visible_exchanges(self.request.user)

    @extend_schema(
        summary="The exchanges the token's organisation is a side of", examples=[EXCHANGE_EXAMPLE]
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="Open an exchange with its first message",
        request=ExchangeOpenSerializer,
        responses={
            201: ExchangeSerializer,
            400: OpenApiResponse(description="Refused: why"),
            403: OpenApiResponse(description="Your role or token does not open exchanges"),
        },
        examples=[OPEN_EXAMPLE, EXCHANGE_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        given = ExchangeOpenSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        districts = {p.code: p for p in Place.objects.filter(kind=Place.Kind.DISTRICT)}
        organisations = Organisation.objects.in_bulk(
            [data["from_organisation"], data["to_organisation"]]
        )
        fields = act.ExchangeFields(
            kind=data["kind"],
            subject=data["subject"],
            from_organisation=organisations.get(data["from_organisation"]),
            to_organisation=organisations.get(data["to_organisation"]),
            from_district=districts.get(data["from_district"] or ""),
            to_district=districts.get(data["to_district"] or ""),
            due_on=data["due_on"],
            references=data["references"],
            body=data["body"],
        )
        token = partner_token_of(request)
        try:
            if token is not None:
                exchange = act.exchange_open(by=None, fields=fields, token=token)
            else:
                exchange = act.exchange_open(by=request.user, fields=fields)
        except ValidationError as refusal:
            return _refused(refusal)
        return Response(ExchangeSerializer(exchange).data, status=status.HTTP_201_CREATED)


def _reader(request: Request, pk: int):
    token = partner_token_of(request)
    if token is not None:
        return get_exchange_for_token(token, pk), token
    return get_exchange_for_user(request.user, pk), None


ABSENT = OpenApiResponse(description="Absent, or not one of yours: the same answer")


@extend_schema(
    summary="An exchange with its messages in order",
    responses={200: ExchangeDetailSerializer, 404: ABSENT},
    examples=[DETAIL_EXAMPLE],
)
class ExchangeDetailView(GenericAPIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [requires_scope(EXCHANGES_WRITE)]
    serializer_class = ExchangeDetailSerializer

    def get(self, request: Request, pk: int) -> Response:
        reader, _token = _reader(request, pk)
        return Response(ExchangeDetailSerializer(reader.exchange).data)


@extend_schema(
    summary="Answer an exchange (the receiving side, while open), or write a message",
    request=MessageWriteSerializer,
    responses={
        201: MessageSerializer,
        400: OpenApiResponse(description="Refused: why"),
        403: OpenApiResponse(description="Your role or token does not write in exchanges"),
        404: ABSENT,
    },
    examples=[
        OpenApiExample(
            "The answer", request_only=True, value={"body": "De cijfers volgen in januari."}
        ),
        ANSWER_EXAMPLE,
    ],
)
class ExchangeReplyView(GenericAPIView):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [requires_scope(EXCHANGES_WRITE)]
    serializer_class = MessageWriteSerializer

    def post(self, request: Request, pk: int) -> Response:
        reader, token = _reader(request, pk)
        given = MessageWriteSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        write = act.exchange_reply if reader.may_reply else act.exchange_message
        by = None if token is not None else request.user
        try:
            message = write(
                by=by, exchange=reader.exchange, body=given.validated_data["body"], token=token
            )
        except ValidationError as refusal:
            return _refused(refusal)
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)
