"""Proposing, confirming, re-confirming and ending seats, delegations and invitations: nothing
takes effect on one person's word, and every grant lapses without re-confirmation."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases import access
from samen.cases.actions.table import (
    delegation_propose,
    grant_confirm,
    grant_end,
    grant_lapses_record,
    grant_recertify,
    invitation_propose,
    mayor_seat_propose,
    seat_propose,
)
from samen.cases.models import CoreSeat, Delegation, Invitation, TableNotice
from samen.cases.tasks import case_retention_daily
from samen.people.roles import Role
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def on(day: datetime.date):
    return time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))), tick=False
    )


def delegate(table, person=None, length: int = 60) -> Delegation:
    return delegation_propose(
        by=table.mayor, delegate=person or table.prevention, starts_on=days(0), ends_on=days(length)
    )


def newcomer(email: str = "newcomer@samen.test", role: str = Role.PARTNER_PROFESSIONAL):
    return make_person(role, email)


# --- Proposing and confirming ----------------------------------------------------------------


def test_the_mayors_own_proposal_is_the_decision(table):
    person = newcomer()
    seat = seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
    assert seat.confirmed_by == table.mayor and seat.proposed_by == table.mayor
    assert access.has_core_seat(person)


def test_a_delegates_proposal_waits_for_someone_else(table):
    delegate(table)
    person = newcomer()
    seat = seat_propose(by=table.prevention, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
    assert seat.confirmed_at is None and not access.has_core_seat(person)
    with pytest.raises(PermissionDenied):
        grant_confirm(by=table.prevention, grant=seat)
    seat.refresh_from_db()
    assert seat.confirmed_at is None and not access.has_core_seat(person)
    grant_confirm(by=table.mayor, grant=seat)
    access.forget(person)
    assert access.has_core_seat(person)


def test_another_delegate_may_confirm_a_delegates_proposal(table):
    delegate(table)
    delegate(table, table.police)
    person = newcomer()
    seat = seat_propose(by=table.prevention, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
    grant_confirm(by=table.police, grant=seat)
    assert access.has_core_seat(person)


def test_a_delegate_confirms_nothing_for_themselves(table):
    delegate(table)
    delegate(table, table.police)
    # The prevention official proposes a longer delegation for the police representative,
    # who may not confirm it for themselves.
    longer = delegation_propose(
        by=table.prevention, delegate=table.police, starts_on=days(0), ends_on=days(300)
    )
    with pytest.raises(PermissionDenied):
        grant_confirm(by=table.police, grant=longer)
    longer.refresh_from_db()
    assert longer.confirmed_at is None


def test_nobody_confirms_a_grant_to_themselves(table, personas):
    # The mayor proposing a seat for themselves is no decision: it waits, and the mayor may
    # not confirm it.
    seat = seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=table.mayor)
    assert seat.confirmed_at is None
    with pytest.raises(PermissionDenied):
        grant_confirm(by=table.mayor, grant=seat)
    # Nor does a data-protection officer confirm a mayor's seat proposed for themselves.
    own = mayor_seat_propose(by=None, user=personas.dpo)
    with pytest.raises(PermissionDenied):
        grant_confirm(by=personas.dpo, grant=own)


def test_only_the_mayor_or_a_delegate_proposes_seats_and_delegations(table, personas):
    person = newcomer()
    for who in (table.prevention, table.police, table.invited, personas.admin, personas.dpo):
        with pytest.raises(PermissionDenied):
            seat_propose(by=who, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
        with pytest.raises(PermissionDenied):
            delegation_propose(by=who, delegate=table.police, starts_on=days(0), ends_on=days(9))
    assert not Delegation.objects.exists()


def test_the_mayors_seat_is_never_proposed_in_the_app(table):
    with pytest.raises(ValidationError):
        seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR, user=newcomer())


def test_any_core_member_proposes_an_invitation_that_opens_the_case_once_confirmed(table):
    person = newcomer()
    invitation = invitation_propose(
        by=table.police, case=table.other_case, user=person, ends_on=days(30)
    )
    assert invitation.confirmed_at is None
    assert not access.cases_visible_to(person).exists()
    assert not access.has_case_role(person)
    with pytest.raises(PermissionDenied):
        grant_confirm(by=table.police, grant=invitation)  # no delegation: not their decision
    grant_confirm(by=table.mayor, grant=invitation)
    assert list(access.cases_visible_to(person)) == [table.other_case]


def test_an_invited_professional_proposes_nothing(table):
    with pytest.raises(PermissionDenied):
        invitation_propose(by=table.invited, case=table.case, user=newcomer(), ends_on=days(9))


def test_a_refused_proposal_can_no_longer_be_confirmed(table):
    delegate(table)
    person = newcomer()
    seat = seat_propose(by=table.prevention, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
    grant_end(by=table.mayor, grant=seat)
    with pytest.raises(ValidationError):
        grant_confirm(by=table.mayor, grant=seat)
    assert not access.has_core_seat(person)
    # Proposed again later, the same seat row starts over as a proposal.
    again = seat_propose(by=table.prevention, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
    assert again.pk == seat.pk and again.confirmed_at is None


# --- Re-confirmation and lapses --------------------------------------------------------------


def test_a_seat_lapses_six_months_after_its_confirmation_unless_re_confirmed(table):
    seat = CoreSeat.objects.get(user=table.prevention)
    last = seat.confirmed_until
    assert days(180) <= last <= days(184)
    with on(last):
        assert access.has_core_seat(table.prevention)
    with on(last + datetime.timedelta(days=1)):
        assert not access.has_core_seat(table.prevention)
        assert not access.cases_visible_to(table.prevention).exists()
        # Every seat of the fixture lapsed together: the data-protection officer re-confirms
        # the mayor's seat first, then the mayor the others.
        reconfirm_seat(table, CoreSeat.objects.get(kind=CoreSeat.Kind.MAYOR))
        reconfirm_seat(table, seat)
        assert access.has_core_seat(table.prevention)


@override_settings(SAMEN_CASE_RECERTIFY_MONTHS=1)
def test_the_period_is_configurable(table):
    person = newcomer()
    seat = seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
    assert days(27) <= seat.confirmed_until <= days(31)


def test_a_delegation_lapses_too(table):
    delegation = delegate(table, length=365)
    assert access.controls_case_list(table.prevention)
    with on(delegation.confirmed_until + datetime.timedelta(days=1)):
        # The mayor's and the delegate's seats were re-confirmed; the delegation was not.
        reconfirm_seat(table, CoreSeat.objects.get(kind=CoreSeat.Kind.MAYOR))
        reconfirm_seat(table, CoreSeat.objects.get(user=table.prevention))
        assert access.has_core_seat(table.prevention)
        assert not access.controls_case_list(table.prevention)


def reconfirm_seat(table, seat) -> None:
    """Re-confirm `seat` as its granter does: the mayor's by the data-protection officer."""
    from samen.people.models import User

    if seat.kind == CoreSeat.Kind.MAYOR:
        grant_recertify(by=User.objects.get(email="dpo@samen.test"), grant=seat)
    else:
        grant_recertify(by=table.mayor, grant=seat)
    for person in (table.mayor, table.prevention, table.police):
        access.forget(person)


def test_a_standing_invitation_needs_re_confirmation_and_a_short_one_does_not(table):
    person, other = newcomer(), newcomer("short@samen.test")
    standing = invitation_propose(by=table.mayor, case=table.case, user=person, ends_on=days(360))
    short = invitation_propose(by=table.mayor, case=table.case, user=other, ends_on=days(60))
    assert standing.confirmed_until < standing.ends_on
    assert short.confirmed_until >= short.ends_on
    assert list(access.cases_visible_to(person)) == [table.case]
    with on(standing.confirmed_until + datetime.timedelta(days=1)):
        assert not access.cases_visible_to(person).exists()
        grant_lapses_record(by=None)
    standing.refresh_from_db()
    short.refresh_from_db()
    assert standing.lapse_recorded_at is not None
    assert short.lapse_recorded_at is None  # it ended on its own date, before any lapse


def test_the_nightly_run_records_each_lapse_once_and_access_does_not_wait_for_it(table):
    seat = CoreSeat.objects.get(user=table.prevention)
    after = seat.confirmed_until + datetime.timedelta(days=1)
    with on(after):
        assert not access.has_core_seat(table.prevention)  # before any run
        first = case_retention_daily.enqueue().return_value["lapsed_grants"]
        second = case_retention_daily.enqueue().return_value["lapsed_grants"]
    assert first >= 1 and second == 0
    seat.refresh_from_db()
    assert seat.lapse_recorded_at is not None
    updates = AuditRecord.objects.get_for_object(seat).filter(action=AuditRecord.Action.UPDATE)
    lapses = [r for r in updates if "lapse_recorded_at" in r.changes_dict]
    assert len(lapses) == 1 and lapses[0].actor is None
    assert TableNotice.objects.filter(event="lapsed", holder=table.prevention).exists()


# --- Notices -----------------------------------------------------------------------------------


def test_every_change_reaches_the_mayor_and_the_data_protection_officer_in_the_app(table, personas):
    delegate(table)
    person = newcomer()
    seat = seat_propose(by=table.prevention, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=person)
    grant_confirm(by=table.mayor, grant=seat)
    grant_recertify(by=table.mayor, grant=seat)
    grant_end(by=table.mayor, grant=seat)
    for recipient in (table.mayor, personas.dpo):
        events = list(
            TableNotice.objects.filter(recipient=recipient, holder=person)
            .order_by("pk")
            .values_list("event", flat=True)
        )
        assert events == ["proposed", "confirmed", "recertified", "ended"]
    assert not TableNotice.objects.filter(recipient=table.prevention).exists()


def test_notices_are_mailed_only_where_mail_is_configured(
    table, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=newcomer())
    assert mail.outbox == []
    with (
        override_settings(EMAIL_HOST="smtp.example.org", SAMEN_MAIL_CONFIGURED=True),
        django_capture_on_commit_callbacks(execute=True),
    ):
        invitation_propose(
            by=table.prevention, case=table.case, user=newcomer("x@samen.test"), ends_on=days(9)
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([table.mayor.email, personas.dpo.email])
    for message in mail.outbox:
        text = message.subject + message.body
        assert table.case.reference not in text
        assert "x@samen.test" not in text and table.prevention.full_name not in text


# --- Upgrade and the operator's command ----------------------------------------------------------


def test_the_upgrade_confirms_existing_grants_so_nothing_changes(table):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("samen.cases.migrations.0006_confirm_existing_grants")
    for model in (CoreSeat, Delegation, Invitation):
        model.objects.update(confirmed_at=None, confirmed_by=None, confirmed_until=None)
    delegation = Delegation.objects.create(
        mayor=table.mayor, delegate=table.prevention, starts_on=days(0), ends_on=days(9)
    )
    for person in (table.mayor, table.prevention, table.invited):
        access.forget(person)
    assert not access.cases_visible_to(table.invited).exists()
    migration.confirm_existing(apps, None)
    for person in (table.mayor, table.prevention, table.invited):
        access.forget(person)
    assert list(access.cases_visible_to(table.invited)) == [table.case]
    assert access.controls_case_list(table.prevention)
    delegation.refresh_from_db()
    invitation = Invitation.objects.get(user=table.invited)
    assert delegation.confirmed_by == table.mayor and delegation.confirmed_until >= days(180)
    assert invitation.confirmed_by == invitation.invited_by


def test_an_administrator_is_never_proposed_for_a_seat(table, personas):
    with pytest.raises(ValidationError):
        seat_propose(by=table.mayor, kind=CoreSeat.Kind.MAYOR_REPRESENTATIVE, user=personas.admin)
    with pytest.raises(ValidationError):
        mayor_seat_propose(by=None, user=personas.admin)
    assert not CoreSeat.objects.filter(user=personas.admin).exists()


def test_a_renewed_police_clearance_is_a_new_proposal(table):
    seat = CoreSeat.objects.get(user=table.police)
    later = seat.clearance_expires_on + datetime.timedelta(days=365)
    renewed = seat_propose(
        by=table.mayor,
        kind=CoreSeat.Kind.POLICE,
        user=table.police,
        clearance=seat.clearance,
        clearance_expires_on=later,
    )
    assert renewed.pk == seat.pk and renewed.clearance_expires_on == later
    assert renewed.confirmed_by == table.mayor  # the mayor's decision
    with pytest.raises(ValidationError):  # nothing changed: nothing to propose
        seat_propose(
            by=table.mayor,
            kind=CoreSeat.Kind.POLICE,
            user=table.police,
            clearance=seat.clearance,
            clearance_expires_on=later,
        )
