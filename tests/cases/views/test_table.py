"""The table page and its decisions: for the mayor and delegates (and the data-protection
officer, for the mayor's seat); the same 404 for everyone else (the home page's panels are in
test_panels.py)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from samen.cases import access
from samen.cases.actions.table import (
    delegation_propose,
    invitation_propose,
    mayor_seat_propose,
    seat_propose,
)
from samen.cases.models import CoreSeat, Delegation, TableNotice
from samen.people.roles import Role
from tests.cases.conftest import sign_in
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

PERSONAS = [
    "mayor",
    "delegate",
    "core",
    "invited",
    "analyst",
    "admin",
    "dpo",
    "frontline",
    "anonymous",
]
TABLE_PAGE = {"mayor": 200, "delegate": 200, "dpo": 200, "anonymous": 302}


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def delegation(table) -> Delegation:
    """The police representative holds the mayor's delegation."""
    return delegation_propose(
        by=table.mayor, delegate=table.police, starts_on=days(0), ends_on=days(60)
    )


def person(table, personas, who):
    return {
        "mayor": table.mayor,
        "delegate": table.police,
        "core": table.prevention,
        "invited": table.invited,
        "analyst": personas.analyst,
        "admin": personas.admin,
        "dpo": personas.dpo,
        "frontline": personas.frontline,
        "anonymous": None,
    }[who]


@pytest.mark.parametrize("who", PERSONAS)
def test_the_table_page(client, table, personas, delegation, who):
    sign_in(client, person(table, personas, who))
    response = client.get(reverse("cases:table"))
    assert response.status_code == TABLE_PAGE.get(who, 404), who
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_the_data_protection_officer_sees_only_the_mayors_seat(client, table, personas):
    sign_in(client, personas.dpo)
    html = client.get(reverse("cases:table")).content.decode()
    assert str(table.mayor) in html and str(table.police) not in html
    assert table.case.reference not in html


def test_the_data_protection_officer_needs_the_second_factor(client, personas, table):
    sign_in(client, personas.dpo, second_factor=False)
    response = client.get(reverse("cases:table"))
    assert response.status_code == 302 and "reauthenticate" in response["Location"]


@pytest.mark.parametrize("who", PERSONAS)
def test_proposing_a_seat_from_the_page(client, table, personas, delegation, who):
    candidate = make_person(Role.PREVENTION_OFFICER, "candidate@samen.test")
    sign_in(client, person(table, personas, who))
    response = client.post(
        reverse("cases:seat_new"),
        {"kind": CoreSeat.Kind.MAYOR_REPRESENTATIVE, "email": candidate.email, "clearance": 0},
    )
    proposed = CoreSeat.objects.filter(user=candidate).first()
    if who in ("mayor", "delegate"):
        assert response.status_code == 302 and proposed is not None
        # The mayor's proposal is the decision; a delegate's waits for someone else.
        assert (proposed.confirmed_at is not None) == (who == "mayor")
    else:
        # The data-protection officer passes the page's door, and the action refuses.
        assert response.status_code == {"anonymous": 302, "dpo": 403}.get(who, 404)
        assert proposed is None


def test_bad_input_gets_a_message_and_changes_nothing(client, table, delegation):
    sign_in(client, table.mayor)
    response = client.post(
        reverse("cases:seat_new"),
        {"kind": CoreSeat.Kind.POLICE, "email": "nobody@samen.test", "clearance": 2},
        follow=True,
    )
    assert response.status_code == 200 and list(response.context["messages"])
    weak = make_person(Role.PARTNER_PROFESSIONAL, "weak@samen.test")
    response = client.post(
        reverse("cases:seat_new"),
        {"kind": CoreSeat.Kind.POLICE, "email": weak.email, "clearance": 1},
        follow=True,
    )
    assert "geheim" in " ".join(str(m) for m in response.context["messages"])  # Dutch first
    assert not CoreSeat.objects.filter(user=weak).exists()


@pytest.mark.parametrize("who", PERSONAS)
def test_deciding_on_a_delegates_proposal(client, table, personas, delegation, who):
    candidate = make_person(Role.PREVENTION_OFFICER, "candidate@samen.test")
    seat = seat_propose(by=table.police, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=candidate)
    sign_in(client, person(table, personas, who))
    url = reverse("cases:grant_decide", args=["seat", seat.pk])
    response = client.post(url, {"decision": "confirm"})
    seat.refresh_from_db()
    if who == "mayor":
        assert response.status_code == 302 and seat.confirmed_by == table.mayor
    else:
        # The delegate who proposed it may not; the data-protection officer does not see it.
        expected = {"anonymous": 302, "delegate": 403}.get(who, 404)
        assert response.status_code == expected, who
        assert seat.confirmed_at is None


def test_a_grant_that_does_not_exist_is_404(client, table):
    sign_in(client, table.mayor)
    for kind, pk in (("seat", 987654), ("delegation", 987654), ("thing", 1)):
        url = reverse("cases:grant_decide", args=[kind, pk])
        assert client.post(url, {"decision": "confirm"}).status_code == 404


def test_the_data_protection_officer_confirms_a_mayors_seat_on_the_page(client, table, personas):
    new_mayor = make_person(Role.POLICY_ANALYST, "new.mayor@samen.test")
    seat = mayor_seat_propose(by=None, user=new_mayor)
    sign_in(client, personas.dpo)
    assert str(new_mayor) in client.get(reverse("cases:table")).content.decode()
    url = reverse("cases:grant_decide", args=["seat", seat.pk])
    assert client.post(url, {"decision": "confirm"}).status_code == 302
    seat.refresh_from_db()
    assert seat.confirmed_by == personas.dpo


def test_invitations_waiting_for_a_decision_are_listed_and_recorded(
    client, table, delegation, django_assert_max_num_queries
):
    from samen.audit.models import AuditRecord

    def page_queries(count: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        sign_in(client, table.mayor)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("cases:table"))
        assert response.status_code == 200
        assert len(response.context["invitations"]) == count
        return len(captured)

    def propose(n: int) -> None:
        person = make_person(Role.PARTNER_PROFESSIONAL, f"guest{n}@samen.test")
        invitation_propose(by=table.police, case=table.case, user=person, ends_on=days(20))

    propose(0)
    one = page_queries(1)
    for n in range(1, 5):
        propose(n)
    assert page_queries(5) == one
    assert AuditRecord.objects.filter(object_pk=str(table.case.pk), action=3).exists()


def test_marking_notices_as_seen_touches_only_ones_own(client, table, personas):
    seat_propose(
        by=table.mayor,
        kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE,
        user=make_person(Role.PREVENTION_OFFICER, "candidate@samen.test"),
    )
    sign_in(client, None)
    assert client.post(reverse("cases:notices_seen")).status_code == 302
    assert not TableNotice.objects.exclude(seen_at=None).exists()
    sign_in(client, personas.dpo)
    assert client.post(reverse("cases:notices_seen")).status_code == 302
    assert not TableNotice.objects.filter(recipient=personas.dpo, seen_at=None).exists()
    assert TableNotice.objects.filter(recipient=table.mayor, seen_at=None).exists()


def test_a_lapsed_seat_gives_404_on_every_case_url(client, table):
    seat = CoreSeat.objects.get(user=table.prevention)
    moment = datetime.datetime.combine(
        seat.confirmed_until + datetime.timedelta(days=1), datetime.time(10)
    )
    with time_machine.travel(timezone.make_aware(moment), tick=False):
        sign_in(client, table.prevention)
        for url in (
            reverse("cases:list"),
            reverse("cases:detail", args=[table.case.pk]),
            reverse("cases:export", args=[table.case.pk]),
            reverse("cases:meetings"),
            reverse("cases:acknowledge"),
        ):
            assert client.get(url).status_code == 404, url


def test_a_lapsed_invitation_gives_404(client, table):
    guest = make_person(Role.PARTNER_PROFESSIONAL, "guest@samen.test")
    invitation = invitation_propose(by=table.mayor, case=table.case, user=guest, ends_on=days(300))
    assert invitation.confirmed_at is not None
    moment = datetime.datetime.combine(
        invitation.confirmed_until + datetime.timedelta(days=1), datetime.time(10)
    )
    with time_machine.travel(timezone.make_aware(moment), tick=False):
        sign_in(client, guest)
        assert not access.has_case_role(guest)
        assert client.get(reverse("cases:detail", args=[table.case.pk])).status_code == 404


def test_a_delegate_confirms_on_the_page_what_another_proposed(client, table, delegation):
    guest = make_person(Role.PARTNER_PROFESSIONAL, "guest@samen.test")
    invitation = invitation_propose(
        by=table.prevention, case=table.case, user=guest, ends_on=days(9)
    )
    sign_in(client, table.police)
    assert guest.full_name in client.get(reverse("cases:table")).content.decode()
    url = reverse("cases:grant_decide", args=["invitation", invitation.pk])
    assert client.post(url, {"decision": "confirm"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.confirmed_by == table.police


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nl", "De tafel van het casusoverleg"), ("fr", "La table de la concertation de cas")],
)
def test_the_table_page_speaks_dutch_and_french(client, table, language, heading):
    sign_in(client, table.mayor)
    response = client.get(reverse("cases:table"), HTTP_ACCEPT_LANGUAGE=language)
    assert heading in response.content.decode()


def test_the_case_page_shows_an_invitation_awaiting_confirmation(client, table):
    guest = make_person(Role.PARTNER_PROFESSIONAL, "guest@samen.test")
    invitation_propose(by=table.prevention, case=table.case, user=guest, ends_on=days(9))
    sign_in(client, table.prevention)
    html = client.get(reverse("cases:detail", args=[table.case.pk])).content.decode()
    assert guest.full_name in html and "wacht op bevestiging" in html
