"""What the exchange API takes (samen/exchange/api/serializers.py): validated before any write."""

from samen.exchange.api.serializers import ExchangeOpenSerializer, MessageWriteSerializer

WHOLE = {
    "kind": "request",
    "subject": "Cijfers over polarisatie",
    "from_organisation": 1,
    "to_organisation": 2,
    "body": "Kunnen jullie de cijfers van 2025 bezorgen?",
}


def test_an_exchange_without_its_fields_is_refused_field_by_field():
    serializer = ExchangeOpenSerializer(data={"kind": "gossip"})
    assert not serializer.is_valid()
    assert set(serializer.errors) == {
        "kind",
        "subject",
        "from_organisation",
        "to_organisation",
        "body",
    }


def test_a_whole_exchange_is_taken_with_its_defaults():
    serializer = ExchangeOpenSerializer(data=WHOLE)
    assert serializer.is_valid(), serializer.errors
    data = serializer.validated_data
    assert data["references"] == [] and data["due_on"] is None
    assert data["from_district"] is None and data["to_district"] is None


def test_too_long_a_subject_body_or_reference_is_refused():
    data = {**WHOLE, "subject": "x" * 201, "body": "x" * 5001, "references": ["x" * 41]}
    serializer = ExchangeOpenSerializer(data=data)
    assert not serializer.is_valid()
    assert set(serializer.errors) == {"subject", "body", "references"}


def test_a_message_needs_a_body_of_at_most_five_thousand_characters():
    assert not MessageWriteSerializer(data={}).is_valid()
    assert not MessageWriteSerializer(data={"body": "x" * 5001}).is_valid()
    assert MessageWriteSerializer(data={"body": "Hier zijn de cijfers."}).is_valid()
