"""The case API: own cases only, the same 404 for absent and forbidden, reads logged,
two-factor tokens only, referrals that reveal nothing."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from samen.api.tokens import api_token_issue
from samen.audit.models import AuditRecord
from samen.cases.models import Referral

pytestmark = pytest.mark.django_db


def client_for(person, *, two_factor: bool = True) -> APIClient:
    client = APIClient()
    if person is not None:
        _token, secret = api_token_issue(by=person, two_factor=two_factor)
        client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def references(response) -> set[str]:
    return {row["reference"] for row in response.json()["results"]}


def test_the_list_holds_only_your_cases(table):
    assert references(client_for(table.invited).get("/api/cases/")) == {table.case.reference}
    assert references(client_for(table.other_member).get("/api/cases/")) == {
        table.other_case.reference
    }
    assert len(references(client_for(table.mayor).get("/api/cases/"))) == 2


@pytest.mark.parametrize("who", ["analyst", "admin", "dpo", "frontline"])
def test_outsiders_get_404_for_the_list_and_every_case(personas, table, who):
    person = getattr(personas, who)
    client = client_for(person, two_factor=who != "analyst" and who != "frontline")
    assert client.get("/api/cases/").status_code == 404
    forbidden = client.get(f"/api/cases/{table.case.pk}/")
    missing = client.get("/api/cases/987654/")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()


def test_a_member_gets_the_same_404_for_another_case_and_a_missing_one(table):
    client = client_for(table.invited)
    forbidden = client.get(f"/api/cases/{table.other_case.pk}/")
    missing = client.get("/api/cases/987654/")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content


def test_a_case_read_is_logged(table):
    response = client_for(table.invited).get(f"/api/cases/{table.case.pk}/")
    assert response.status_code == 200
    assert response.json()["person"]["name"] == "Jan Peeters"
    read = AuditRecord.objects.get(action=AuditRecord.Action.ACCESS)
    assert read.actor == table.invited and read.additional_data["what"] == "api"


def test_access_ends_after_the_end_date(table):
    ends_on = table.case.invitations.get(user=table.invited).ends_on
    moment = datetime.datetime.combine(ends_on + datetime.timedelta(days=1), datetime.time(9))
    with time_machine.travel(timezone.make_aware(moment), tick=False):
        client = client_for(table.invited)
        assert client.get(f"/api/cases/{table.case.pk}/").status_code == 404
        assert client.get("/api/cases/").status_code == 404


def test_a_password_token_is_refused_to_a_member(table):
    from knox.models import AuthToken

    from samen.api.tokens import PASSWORD_PREFIX

    # A token from before the invitation: it is not a two-factor token.
    _token, secret = AuthToken.objects.create(table.mayor, prefix=PASSWORD_PREFIX)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert client.get(f"/api/cases/{table.case.pk}/").status_code in (401, 403)
    assert not AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).exists()


def test_a_member_without_acknowledgement_is_told_so(table):
    table.invited.case_acknowledgements.all().delete()
    response = client_for(table.invited).get(f"/api/cases/{table.case.pk}/")
    assert response.status_code == 403
    assert response.json()["code"] == "acknowledgement_required"


def test_anonymous_requests_are_refused_alike(table):
    client = APIClient()
    assert client.get(f"/api/cases/{table.case.pk}/").status_code == 401
    assert client.get("/api/cases/987654/").status_code == 401


def test_a_referral_answers_the_same_for_known_and_unknown_people(table):
    client = client_for(table.other_member)
    answers = [
        client.post(
            "/api/cases/referrals/",
            {"name": name, "extremism_type": "other", "reason": "Zorgen."},
            format="json",
        )
        for name in ("Jan Peeters", "Niemand Onbekend")
    ]
    assert [a.status_code for a in answers] == [202, 202]
    assert answers[0].json() == answers[1].json()
    assert Referral.objects.count() == 2


def test_a_bad_referral_gets_field_messages_and_changes_nothing(table):
    response = client_for(table.invited).post(
        "/api/cases/referrals/",
        {"name": "", "extremism_type": "nonsense"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert {"name", "extremism_type", "reason"} <= set(response.json())
    assert not Referral.objects.exists()


def test_roles_that_do_not_refer_get_404(personas, table):
    response = client_for(personas.analyst, two_factor=False).post(
        "/api/cases/referrals/", {"name": "X", "extremism_type": "other", "reason": "r"}
    )
    assert response.status_code == 404


def test_the_endpoints_are_in_the_openapi_document(personas):
    schema = client_for(personas.analyst, two_factor=False).get("/api/schema/?format=json")
    paths = schema.json()["paths"]
    assert {"/api/cases/", "/api/cases/{id}/", "/api/cases/referrals/"} <= set(paths)
