"""What the case API shows and takes. Serializers validate and present; they never save."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samen.cases.models import Case, CasePerson, ExtremismType, Invitation


class CaseSerializer(serializers.ModelSerializer):
    """A case in a list: no person, no narrative."""

    # A plain string in the schema: an enum named "status" would collide with the signals'.
    status = serializers.CharField(read_only=True, help_text=_('"open" or "closed".'))

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "status",
            "extremism_type",
            "age_band",
            "review_on",
            "opened_at",
            "closed_at",
        ]
        read_only_fields = fields


class PersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = CasePerson
        fields = ["name", "birth_date", "address"]
        read_only_fields = fields


class InvitationSerializer(serializers.ModelSerializer):
    professional = serializers.CharField(source="user.full_name", read_only=True)

    class Meta:
        model = Invitation
        fields = ["professional", "ends_on", "revoked_at"]
        read_only_fields = fields


class CaseDetailSerializer(CaseSerializer):
    """One case, as its members see it on its page."""

    person = PersonSerializer(read_only=True, allow_null=True)
    invitations = InvitationSerializer(many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "purpose", "closure_reason", "person", "invitations"]
        read_only_fields = fields


class ReferralInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, help_text=_("Full name of the person."))
    birth_date = serializers.DateField(required=False, allow_null=True)
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    extremism_type = serializers.ChoiceField(choices=ExtremismType.choices)
    reason = serializers.CharField(max_length=4000)


class ReferralReceivedSerializer(serializers.Serializer):
    """The same answer for every referral: nothing about whether the person is known."""

    detail = serializers.CharField()
