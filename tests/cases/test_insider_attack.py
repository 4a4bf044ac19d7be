"""No insider path to a case: an administrator who makes an account and gets it proposed for a
seat gains nothing until the mayor confirms the seat."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from samen.api.tokens import api_token_issue
from samen.cases import access
from samen.cases.actions.table import delegation_propose, seat_propose
from samen.cases.models import CoreSeat, Meeting
from samen.people.actions import staff_member_create
from samen.people.roles import Role
from tests.cases import work_fixtures
from tests.cases.conftest import sign_in, with_totp

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def case_urls(table, work) -> list[str]:
    return [
        reverse("cases:list"),
        reverse("cases:detail", args=[table.case.pk]),
        reverse("cases:export", args=[table.case.pk]),
        reverse("cases:meetings"),
        reverse("cases:meeting", args=[work.meeting.pk]),
        reverse("cases:table"),
    ]


def api_status(person, path: str) -> int:
    api = APIClient()
    _token, secret = api_token_issue(by=person, two_factor=True)
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return api.get(path).status_code


def test_an_account_made_by_an_administrator_reads_no_case_until_the_mayor_confirms(
    client, table, work, personas
):
    # The administrator makes an account for someone of their choosing.
    insider = staff_member_create(
        by=personas.admin,
        email="insider@samen.test",
        full_name="In Sider",
        role=Role.PREVENTION_OFFICER,
    )
    # A core member who is not the mayor, with the mayor's delegation, proposes a seat.
    today = timezone.localdate()
    delegation_propose(
        by=table.mayor,
        delegate=table.prevention,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
    )
    seat = seat_propose(by=table.prevention, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=insider)
    assert seat.confirmed_at is None
    # The insider enrols a second factor, passes it, and tries to acknowledge the rules.
    with_totp(insider)
    sign_in(client, insider)
    meeting = Meeting.objects.order_by("-held_on", "-pk").first()
    acknowledge = client.post(reverse("cases:acknowledge"), {"agree": "yes", "meeting": meeting.pk})
    assert acknowledge.status_code == 404
    for url in case_urls(table, work):
        assert client.get(url).status_code == 404, url
    assert api_status(insider, "/api/cases/") == 404
    assert api_status(insider, f"/api/cases/{table.case.pk}/") == 404
    assert not access.has_case_role(insider)

    # The delegate who proposed it cannot confirm it.
    sign_in(client, table.prevention)
    decide = reverse("cases:grant_decide", args=["seat", seat.pk])
    assert client.post(decide, {"decision": "confirm"}).status_code == 403
    seat.refresh_from_db()
    assert seat.confirmed_at is None

    # The mayor confirms it: from now on the seat opens the cases.
    sign_in(client, table.mayor)
    assert client.post(decide, {"decision": "confirm"}).status_code == 302
    seat.refresh_from_db()
    assert seat.confirmed_by == table.mayor
    sign_in(client, insider)
    meeting = access.meeting_to_acknowledge(insider)
    agreed = {"agree": "yes", "meeting": meeting.pk}
    assert client.post(reverse("cases:acknowledge"), agreed).status_code == 302
    for url in case_urls(table, work)[:-1]:  # the table page is for the mayor and delegates
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("cases:table")).status_code == 404
    assert api_status(insider, "/api/cases/") == 200
    assert api_status(insider, f"/api/cases/{table.case.pk}/") == 200


def test_a_core_member_without_a_delegation_cannot_propose_a_seat(table, personas):
    newcomer = staff_member_create(
        by=personas.admin, email="new@samen.test", full_name="New", role=Role.PREVENTION_OFFICER
    )
    with pytest.raises(PermissionDenied):
        seat_propose(by=table.prevention, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=newcomer)
    with pytest.raises(PermissionDenied):
        seat_propose(by=personas.admin, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=newcomer)
    assert not CoreSeat.objects.filter(user=newcomer).exists()
