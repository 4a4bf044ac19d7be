"""What the exchange API reads and writes: validation only, the actions save."""

from __future__ import annotations

from rest_framework import serializers

from samen.exchange.models import Circular, Exchange, Message

KEY_MAX = 2**63 - 1  # the largest big integer key, on PostgreSQL and SQLite alike


class MessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Message
        fields = ["number", "side", "is_answer", "body", "created_at"]


class ExchangeSerializer(serializers.ModelSerializer):
    from_organisation = serializers.CharField(source="from_organisation.name")
    to_organisation = serializers.CharField(source="to_organisation.name")
    from_district = serializers.CharField(
        source="from_district.code", default=None, allow_null=True
    )
    to_district = serializers.CharField(source="to_district.code", default=None, allow_null=True)

    class Meta:
        model = Exchange
        fields = [
            "id",
            "kind",
            "subject",
            "status",
            "from_organisation",
            "from_district",
            "to_organisation",
            "to_district",
            "due_on",
            "created_at",
            "answered_at",
        ]


class ExchangeDetailSerializer(ExchangeSerializer):
    messages = MessageSerializer(many=True, read_only=True)

    class Meta(ExchangeSerializer.Meta):
        fields = [*ExchangeSerializer.Meta.fields, "messages"]


class ExchangeOpenSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Exchange.Kind.choices)
    subject = serializers.CharField(max_length=200)
    # Within a database key's range: a larger number is a 400, not an overflow in the query.
    from_organisation = serializers.IntegerField(min_value=1, max_value=KEY_MAX)
    to_organisation = serializers.IntegerField(min_value=1, max_value=KEY_MAX)
    from_district = serializers.CharField(required=False, allow_null=True, default=None)
    to_district = serializers.CharField(required=False, allow_null=True, default=None)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    references = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )
    body = serializers.CharField(max_length=5000)


class MessageWriteSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)


class CircularSerializer(serializers.ModelSerializer):
    issuer = serializers.CharField(source="issuer.name")
    recipients = serializers.IntegerField(source="recipient_count")
    read = serializers.IntegerField(source="read_count")

    class Meta:
        model = Circular
        fields = [
            "id",
            "kind",
            "title",
            "body",
            "threat_level",
            "issuer",
            "sent_at",
            "read_reminder_hours",
            "recipients",
            "read",
        ]
