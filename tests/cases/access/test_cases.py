"""The access rule: the core sees every case, invited professionals their case until the end
date, nobody else anything; the same 404 for absent and forbidden."""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from samen.cases import access
from samen.cases.access import (
    AcknowledgementRequiredError,
    SecondFactorRequiredError,
    cases_visible_to,
    get_case_for_reader,
)
from samen.cases.actions.table import delegation_propose as delegation_grant
from samen.cases.actions.table import invitation_end
from samen.cases.models import Case, Clearance, CoreSeat
from samen.people.roles import Role, user_requires_two_factor
from tests.cases.conftest import confirmed_fields, open_case, seat_assign
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def request_for(user, *, second_factor: bool = True):
    """A request-like object: the access functions read user, auth and session."""
    return SimpleNamespace(
        user=user,
        auth=None,
        session={
            "account_authentication_methods": [{"method": "mfa"}] if second_factor else [],
            "account_authentication_methods_user": str(user.pk),
        },
        META={},
        method="GET",
        path="/cases/",
    )


def visible(user) -> set[str]:
    return set(cases_visible_to(user).values_list("reference", flat=True))


def test_the_core_sees_every_case(table):
    every = {table.case.reference, table.other_case.reference}
    assert visible(table.mayor) == every
    assert visible(table.prevention) == every
    assert visible(table.police) == every


def test_an_invited_professional_sees_only_their_case(table):
    assert visible(table.invited) == {table.case.reference}
    assert visible(table.other_member) == {table.other_case.reference}


@pytest.mark.parametrize("who", ["admin", "analyst", "coordinator", "frontline", "dpo"])
def test_everyone_else_sees_no_case(personas, table, who):
    assert visible(getattr(personas, who)) == set()


def test_invited_access_ends_by_itself_after_the_end_date(table):
    ends_on = table.case.invitations.get(user=table.invited).ends_on
    with time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(ends_on, datetime.time(23, 59))), tick=False
    ):
        assert visible(table.invited) == {table.case.reference}
    with time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(ends_on, datetime.time.min))
        + datetime.timedelta(days=1),
        tick=False,
    ):
        assert visible(table.invited) == set()
        assert not access.has_case_role(table.invited)


def test_an_ended_invitation_gives_no_access(table):
    invitation_end(by=table.prevention, invitation=table.case.invitations.get())
    assert visible(table.invited) == set()


def test_a_police_seat_needs_secret_clearance_that_has_not_expired(personas):
    today = timezone.localdate()
    weak = make_person(Role.PARTNER_PROFESSIONAL, "weak@samen.test")
    expired = make_person(Role.PARTNER_PROFESSIONAL, "expired@samen.test")
    good = make_person(Role.PARTNER_PROFESSIONAL, "good@samen.test")
    with pytest.raises(ValidationError):
        seat_assign(
            by=None,
            kind=CoreSeat.Kind.POLICE,
            user=weak,
            clearance=Clearance.CONFIDENTIAL,
            clearance_expires_on=today + datetime.timedelta(days=10),
        )
    # A clearance lowered later (in the database directly) grants nothing either.
    CoreSeat.objects.create(
        kind=CoreSeat.Kind.POLICE,
        user=weak,
        city=_city(),
        clearance=Clearance.CONFIDENTIAL,
        clearance_expires_on=today + datetime.timedelta(days=10),
        **confirmed_fields(),
    )
    seat_assign(
        by=None,
        kind=CoreSeat.Kind.POLICE,
        user=expired,
        clearance=Clearance.TOP_SECRET,
        clearance_expires_on=today - datetime.timedelta(days=1),
    )
    seat_assign(
        by=None,
        kind=CoreSeat.Kind.POLICE,
        user=good,
        clearance=Clearance.SECRET,
        clearance_expires_on=today,
    )
    open_case()
    assert not access.has_core_seat(weak) and visible(weak) == set()
    assert not access.has_core_seat(expired) and visible(expired) == set()
    assert access.has_core_seat(good) and len(visible(good)) == 1


def test_administrators_cannot_be_given_a_seat(personas, table):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        seat_assign(by=None, kind=CoreSeat.Kind.MAYOR, user=personas.admin)
    assert visible(personas.admin) == set()


def _city():
    from samen.places.models import Place

    return Place.objects.get(code="11002")


def test_an_administrator_with_a_seat_in_the_database_still_sees_nothing(personas, table):
    CoreSeat.objects.create(
        kind=CoreSeat.Kind.MAYOR, user=personas.admin, city=_city(), **confirmed_fields()
    )
    assert visible(personas.admin) == set()
    assert not access.controls_case_list(personas.admin)


def test_anonymised_cases_are_invisible_to_all(table):
    Case.objects.filter(pk=table.case.pk).update(anonymised_at=timezone.now())
    assert table.case.reference not in visible(table.mayor)
    assert visible(table.invited) == set()


def test_the_reader_gets_the_case_and_the_read_is_recorded(table):
    from samen.audit.models import AuditRecord

    case = get_case_for_reader(request_for(table.invited), table.case.pk, purpose="page")
    assert case == table.case
    read = AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).get()
    assert read.actor == table.invited
    assert read.object_pk == str(table.case.pk)
    assert read.object_repr == table.case.reference
    assert read.additional_data["what"] == "page"


def test_absent_and_forbidden_cases_answer_the_same_404(table):
    for pk in [table.other_case.pk, 999999, "nonsense"]:
        with pytest.raises(Http404) as raised:
            get_case_for_reader(request_for(table.invited), pk, purpose="page")
        assert str(raised.value) == ""


def test_people_without_a_case_role_get_404_before_anything_else(personas, table):
    for person in (personas.analyst, personas.admin, personas.dpo):
        with pytest.raises(Http404):
            get_case_for_reader(
                request_for(person, second_factor=False), table.case.pk, purpose="page"
            )


def test_a_session_without_the_second_factor_is_refused(table):
    with pytest.raises(SecondFactorRequiredError):
        get_case_for_reader(
            request_for(table.invited, second_factor=False), table.case.pk, purpose="page"
        )


def test_a_member_without_a_current_acknowledgement_is_refused(table, personas):
    late = make_person(Role.PARTNER_PROFESSIONAL, "late@samen.test")
    from tests.cases.conftest import invitation_create

    invitation_create(
        by=table.prevention,
        case=table.case,
        user=late,
        ends_on=timezone.localdate() + datetime.timedelta(days=5),
    )
    with pytest.raises(AcknowledgementRequiredError):
        get_case_for_reader(request_for(late), table.case.pk, purpose="page")
    # The same answer for a case they are not invited to: nothing depends on the case.
    with pytest.raises(AcknowledgementRequiredError):
        get_case_for_reader(request_for(late), table.other_case.pk, purpose="page")


def test_the_mayor_and_a_delegate_control_the_case_list(table):
    assert access.controls_case_list(table.mayor)
    assert not access.controls_case_list(table.prevention)
    assert not access.controls_case_list(table.invited)
    today = timezone.localdate()
    delegation_grant(
        by=table.mayor,
        delegate=table.prevention,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=7),
    )
    assert access.controls_case_list(table.prevention)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        assert not access.controls_case_list(table.prevention)


def test_only_the_mayor_delegates(table):
    from django.core.exceptions import PermissionDenied

    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        delegation_grant(by=table.prevention, delegate=table.police, starts_on=today, ends_on=today)


def test_seats_and_invitations_require_a_second_factor(personas, table):
    assert user_requires_two_factor(table.mayor)  # a policy analyst by role
    assert user_requires_two_factor(table.invited)
    assert not user_requires_two_factor(personas.analyst)
    assert not user_requires_two_factor(personas.frontline)


def test_a_list_query_does_not_grow_with_cases(table, django_assert_max_num_queries):
    for number in range(5):
        open_case(f"Persoon {number}")
    with django_assert_max_num_queries(3):
        list(cases_visible_to(table.invited))


def test_the_database_rule_for_seats_agrees_with_the_seat_itself(personas):
    """has_case_role asks the database; each seat answers in Python; they must agree."""
    import datetime
    import itertools

    from samen.cases.access import granting_seat_rule
    from samen.cases.models import Clearance, CoreSeat
    from samen.people.models import User
    from samen.people.roles import Role
    from samen.places.models import Place

    city = Place.objects.get(kind=Place.Kind.CITY)
    today = datetime.date(2026, 6, 1)
    now = timezone.now()
    combinations = list(
        itertools.product(
            CoreSeat.Kind.values,
            Clearance.values,
            [None, -1, 0, 30],
            [True, False],
            [None, -1, 0, 30],  # confirmed until (None: never confirmed)
        )
    )
    people = User.objects.bulk_create(
        User(email=f"seat{n}@samen.test", role=Role.PREVENTION_OFFICER)
        for n in range(len(combinations))
    )
    seats = CoreSeat.objects.bulk_create(
        CoreSeat(
            kind=kind,
            user=person,
            city=city,
            clearance=clearance,
            clearance_expires_on=None if days is None else today + datetime.timedelta(days),
            is_active=is_active,
            confirmed_at=None if until is None else now,
            confirmed_until=None if until is None else today + datetime.timedelta(until),
        )
        for person, (kind, clearance, days, is_active, until) in zip(
            people, combinations, strict=True
        )
    )
    granting = set(CoreSeat.objects.filter(granting_seat_rule(today)).values_list("pk", flat=True))
    assert granting == {seat.pk for seat in seats if seat.grants_access(today)}
    assert 0 < len(granting) < len(seats)


def test_the_navigation_answer_is_cached_and_forgotten_when_a_seat_changes(personas):
    """The second-factor rule asks on every request; a seat or invitation change shows at once."""
    from samen.cases.access import has_case_role_cached
    from samen.cases.models import CoreSeat

    assert has_case_role_cached(personas.prevention) is False
    seat_assign(by=None, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=personas.prevention)
    assert has_case_role_cached(personas.prevention) is True
