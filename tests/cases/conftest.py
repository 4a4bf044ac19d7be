"""The case consultation's table, cases and sign-in helpers for its tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.utils import timezone

from samen.cases import access
from samen.cases.actions.cases import case_open, cycle_open, rules_acknowledge
from samen.cases.actions.meetings import agenda_add, meeting_schedule
from samen.cases.actions.table import confirmed_until, invitation_propose
from samen.cases.models import Case, Clearance, ConsultationCycle, CoreSeat, Invitation, Meeting
from samen.people.roles import Role
from samen.places.models import Place
from tests.conftest import make_person


def confirmed_fields(by=None) -> dict:
    """The fields of a grant confirmed now (by `by`), for grants made directly in tests."""
    now = timezone.now()
    return {
        "confirmed_by": by,
        "confirmed_at": now,
        "recertified_at": now,
        "confirmed_until": confirmed_until(timezone.localdate(now)),
    }


def reconfirm_everything() -> None:
    """Re-confirm every confirmed grant today, as the mayor would every few months (for tests
    that travel further ahead than SAMEN_CASE_RECERTIFY_MONTHS)."""
    from samen.cases.models import Delegation

    fields = confirmed_fields()
    del fields["confirmed_by"], fields["confirmed_at"]
    for model in (CoreSeat, Delegation, Invitation):
        model.objects.filter(confirmed_at__isnull=False).update(**fields)


def seat_assign(
    *,
    by=None,
    kind: str,
    user,
    clearance: int = Clearance.NONE,
    clearance_expires_on: datetime.date | None = None,
) -> CoreSeat:
    """A confirmed seat, checked as a proposal is (tests of what a seat grants; how a seat is
    proposed and confirmed is tested in actions/test_table.py)."""
    seat = CoreSeat(
        kind=kind,
        user=user,
        city=Place.objects.get(code="11002", kind=Place.Kind.CITY),
        clearance=clearance,
        clearance_expires_on=clearance_expires_on,
        proposed_by=by,
        **confirmed_fields(by),
    )
    seat.full_clean()
    seat.save()
    access.forget(user)
    return seat


def invitation_create(*, by, case: Case, user, ends_on: datetime.date) -> Invitation:
    """An invitation proposed by `by` through its action, then confirmed."""
    invitation = invitation_propose(by=by, case=case, user=user, ends_on=ends_on)
    if invitation.confirmed_at is None:
        Invitation.objects.filter(pk=invitation.pk).update(**confirmed_fields())
        invitation.refresh_from_db()
    access.forget(user)
    return invitation


@dataclass
class Table:
    mayor: object
    police: object
    prevention: object  # personas.prevention: the municipal prevention official
    invited: object  # personas.partner, invited to `case`
    other_member: object  # invited to `other_case` only
    cycle: ConsultationCycle
    case: Case
    other_case: Case
    meeting: Meeting  # three days ago, both cases on its agenda, acknowledged by everyone

    @property
    def members(self) -> tuple:
        return (self.mayor, self.police, self.prevention, self.invited, self.other_member)


def acknowledge_for_reading(*people) -> None:
    """Let each of `people` acknowledge the rules for the meeting that covers reading today."""
    for person in people:
        rules_acknowledge(by=person, meeting=access.meeting_to_acknowledge(person))


def with_totp(person):
    """Give a person whose role alone needs no second factor a TOTP device (a seat does)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    person.totp_secret = generate_totp_secret()
    TOTP.activate(person, person.totp_secret)
    return person


def pass_second_factor(client) -> None:
    """Mark the signed-in test session as having passed TOTP, as allauth records it."""
    from allauth.account.internal.flows.login import _AUTHENTICATION_METHODS_USER_SESSION_KEY

    session = client.session
    user_id = session["_auth_user_id"]
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "type": "totp", "at": timezone.now().timestamp()}
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user_id)
    session.save()


def sign_in(client, person, *, second_factor: bool = True) -> None:
    """Sign `person` in (None: stay anonymous), by default with a passed second factor."""
    client.logout()
    if person is None:
        return
    client.force_login(person)
    if second_factor:
        pass_second_factor(client)


def open_case(name: str = "Jan Peeters", **overrides) -> Case:
    values = {
        "by": None,
        "name": name,
        "birth_date": datetime.date(2004, 5, 17),
        "address": "Kerkstraat 1, 2060 Antwerpen",
        "purpose": "Zorgen over contacten met een gewelddadige groep.",
        "extremism_type": "right_wing",
        "review_on": timezone.localdate() + datetime.timedelta(days=90),
    }
    values.update(overrides)
    return case_open(**values)


@pytest.fixture
def table(personas) -> Table:
    """A seated core (mayor, prevention official, police with clearance), a current cycle
    with a meeting three days ago that everyone acknowledged, and two cases on its agenda with
    one invited professional each."""
    return build_table(personas)


def build_table(personas) -> Table:
    """The `table` fixture's content, for tests outside tests/cases (the browser tests)."""
    today = timezone.localdate()
    mayor = with_totp(make_person(Role.POLICY_ANALYST, "mayor@samen.test"))
    police = make_person(Role.PARTNER_PROFESSIONAL, "police@samen.test")
    other_member = make_person(Role.PARTNER_PROFESSIONAL, "other.partner@samen.test")
    seat_assign(by=None, kind=CoreSeat.Kind.MAYOR, user=mayor)
    seat_assign(by=None, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=personas.prevention)
    seat_assign(
        by=None,
        kind=CoreSeat.Kind.POLICE,
        user=police,
        clearance=Clearance.SECRET,
        clearance_expires_on=today + datetime.timedelta(days=365),
    )
    cycle = cycle_open(
        by=personas.prevention,
        title="Cyclus",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=80),
    )
    case = open_case()
    other_case = open_case("Marie Janssens", extremism_type="islamist")
    ends_on = today + datetime.timedelta(days=30)
    invitation_create(by=personas.prevention, case=case, user=personas.partner, ends_on=ends_on)
    invitation_create(by=personas.prevention, case=other_case, user=other_member, ends_on=ends_on)
    meeting = meeting_schedule(
        by=personas.prevention,
        held_on=today - datetime.timedelta(days=3),
        place="Stadhuis",
        chair=personas.prevention,
    )
    agenda_add(by=personas.prevention, meeting=meeting, case=case)
    agenda_add(by=personas.prevention, meeting=meeting, case=other_case)
    acknowledge_for_reading(mayor, police, personas.prevention, personas.partner, other_member)
    return Table(
        mayor=mayor,
        police=police,
        prevention=personas.prevention,
        invited=personas.partner,
        other_member=other_member,
        cycle=cycle,
        case=case,
        other_case=other_case,
        meeting=meeting,
    )
