"""What the case API shows and takes (samen/cases/api/serializers.py): a list shows no person
and no narrative, one case shows what its page shows, a referral is validated before any write."""

import pytest

from samen.cases.api.serializers import (
    CaseDetailSerializer,
    CaseSerializer,
    ReferralInputSerializer,
)

LISTED = {"id", "reference", "status", "extremism_type", "age_band", "review_on"}


@pytest.mark.django_db
def test_a_case_in_a_list_names_no_person_and_no_narrative(table):
    data = CaseSerializer(table.case).data
    assert set(data) >= LISTED and data["reference"] == table.case.reference
    assert data["status"] == "open"
    shown = str(data)
    assert table.case.person.name not in shown and table.case.person.address not in shown
    assert not {"purpose", "person", "closure_reason", "invitations"} & set(data)


@pytest.mark.django_db
def test_one_case_shows_its_person_purpose_and_invitations(table):
    data = CaseDetailSerializer(table.case).data
    assert data["person"]["name"] == table.case.person.name
    assert data["purpose"] == table.case.purpose
    assert [i["professional"] for i in data["invitations"]] == [table.invited.full_name]


def test_a_referral_without_name_reason_or_a_known_type_is_refused():
    serializer = ReferralInputSerializer(data={"extremism_type": "unknown"})
    assert not serializer.is_valid()
    assert set(serializer.errors) == {"name", "extremism_type", "reason"}


def test_a_referral_longer_than_allowed_is_refused_and_a_whole_one_taken():
    whole = {"name": "Jan Peeters", "extremism_type": "right_wing", "reason": "Zorgen."}
    too_long = ReferralInputSerializer(data={**whole, "reason": "x" * 4001})
    assert not too_long.is_valid() and set(too_long.errors) == {"reason"}
    taken = ReferralInputSerializer(data=whole)
    assert taken.is_valid(), taken.errors
    assert taken.validated_data == whole  # birth date and address may be left out
