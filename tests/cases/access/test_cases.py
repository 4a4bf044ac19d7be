"""The access rule: the core sees every case, invited professionals their case until the end
date, nobody else anything; the same 404 for absent and forbidden."""

import datetime
from types import SimpleNamespace

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases import access
from samen.cases.access import (
    AcknowledgementRequiredError,
    SecondFactorRequiredError,
    cases_visible_to,
    get_case_for_reader,
    get_cases_for_reader,
)
from samen.cases.actions.table import delegation_propose as delegation_grant
from samen.cases.actions.table import invitation_end
from samen.cases.models import Case, Clearance, CoreSeat
from samen.people.roles import Role, user_requires_two_factor
from tests.cases.conftest import (
    acknowledge_for_reading,
    confirmed_fields,
    invitation_create,
    open_case,
    seat_assign,
)
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


PURPOSE = "meeting 7"


def reads():
    return AuditRecord.objects.filter(action=AuditRecord.Action.ACCESS).order_by("pk")


def written(records) -> list[tuple]:
    """What an access record says, apart from its moment and its correlation id."""
    return [
        (
            r.actor_id,
            r.actor_email,
            r.content_type_id,
            r.object_pk,
            r.object_id,
            r.object_repr,
            r.remote_addr,
            r.additional_data,
        )
        for r in records
    ]


def audit_inserts(queries) -> list[str]:
    table = AuditRecord._meta.db_table
    return [q["sql"] for q in queries if q["sql"].startswith("INSERT") and table in q["sql"]]


def at_start_of(day: datetime.date) -> time_machine.travel:
    moment = datetime.datetime.combine(day, datetime.time(9))
    return time_machine.travel(timezone.make_aware(moment), tick=False)


@pytest.fixture
def third_case(table) -> Case:
    return open_case("Ahmed Benali", extremism_type="left_wing")


def test_the_cases_come_in_the_order_asked_with_one_record_each_in_one_insert(table, third_case):
    asked = [third_case.pk, table.case.pk, table.other_case.pk]
    with CaptureQueriesContext(connection) as queries:
        cases = get_cases_for_reader(request_for(table.police), asked, purpose=PURPOSE)
    assert [case.pk for case in cases] == asked
    assert len(audit_inserts(queries.captured_queries)) == 1
    assert [(r.actor, r.object_pk, r.additional_data["what"]) for r in reads()] == [
        (table.police, str(pk), PURPOSE) for pk in asked
    ]


def test_the_records_are_those_the_one_case_door_writes(table, third_case):
    asked = [table.case.pk, table.other_case.pk, third_case.pk]
    for pk in asked:
        get_case_for_reader(request_for(table.mayor), pk, purpose=PURPOSE)
    one_by_one = written(reads())
    get_cases_for_reader(request_for(table.mayor), asked, purpose=PURPOSE)
    assert written(reads()[len(asked) :]) == one_by_one


def test_an_invited_professional_gets_their_case_and_no_other(table):
    reader = request_for(table.invited)
    assert get_cases_for_reader(reader, [table.case.pk], purpose=PURPOSE) == [table.case]
    reads_before = reads().count()
    for asked in ([table.other_case.pk], [table.case.pk, table.other_case.pk]):
        with pytest.raises(Http404):
            get_cases_for_reader(reader, asked, purpose=PURPOSE)
    assert reads().count() == reads_before


def test_absent_and_forbidden_cases_answer_the_same_404_and_record_nothing(table):
    for asked in ([table.other_case.pk], [987654], ["nonsense"], [table.case.pk, None]):
        with pytest.raises(Http404) as raised:
            get_cases_for_reader(request_for(table.invited), asked, purpose=PURPOSE)
        assert str(raised.value) == ""
    assert not reads().exists()


def test_each_invitation_is_checked_against_its_own_end_date(table):
    today = timezone.localdate()
    # Invited to the other case too, for a shorter time than to the first.
    invitation_create(
        by=table.prevention,
        case=table.other_case,
        user=table.invited,
        ends_on=today + datetime.timedelta(days=3),
    )
    both = [table.case.pk, table.other_case.pk]
    assert len(get_cases_for_reader(request_for(table.invited), both, purpose=PURPOSE)) == 2
    with at_start_of(today + datetime.timedelta(days=4)):
        reads_before = reads().count()
        with pytest.raises(Http404):
            get_cases_for_reader(request_for(table.invited), both, purpose=PURPOSE)
        assert reads().count() == reads_before
        still = get_cases_for_reader(request_for(table.invited), [table.case.pk], purpose=PURPOSE)
        assert still == [table.case]


def test_an_ended_invitation_to_one_case_refuses_the_lot(table):
    today = timezone.localdate()
    invitation = invitation_create(
        by=table.prevention,
        case=table.other_case,
        user=table.invited,
        ends_on=today + datetime.timedelta(days=30),
    )
    invitation_end(by=table.prevention, invitation=invitation)
    with pytest.raises(Http404):
        get_cases_for_reader(
            request_for(table.invited), [table.case.pk, table.other_case.pk], purpose=PURPOSE
        )
    assert not reads().exists()


def test_the_police_seat_reads_only_while_its_clearance_holds(personas, table):
    today = timezone.localdate()
    officer = make_person(Role.PARTNER_PROFESSIONAL, "officer@samen.test")
    seat_assign(
        by=None,
        kind=CoreSeat.Kind.POLICE,
        user=officer,
        clearance=Clearance.SECRET,
        clearance_expires_on=today + datetime.timedelta(days=2),
    )
    acknowledge_for_reading(officer)
    both = [table.case.pk, table.other_case.pk]
    assert len(get_cases_for_reader(request_for(officer), both, purpose=PURPOSE)) == 2
    with at_start_of(today + datetime.timedelta(days=3)), pytest.raises(Http404):
        get_cases_for_reader(request_for(officer), both, purpose=PURPOSE)
    assert reads().filter(actor=officer).count() == 2


def test_a_police_seat_with_too_low_a_clearance_reads_nothing(personas, table):
    weak = make_person(Role.PARTNER_PROFESSIONAL, "weak@samen.test")
    CoreSeat.objects.create(
        kind=CoreSeat.Kind.POLICE,
        user=weak,
        city=_city(),
        clearance=Clearance.CONFIDENTIAL,
        clearance_expires_on=timezone.localdate() + datetime.timedelta(days=10),
        **confirmed_fields(),
    )
    with pytest.raises(Http404):
        get_cases_for_reader(request_for(weak), [table.case.pk], purpose=PURPOSE)
    assert not reads().exists()


@pytest.mark.parametrize("who", ["admin", "analyst", "coordinator", "frontline", "dpo"])
def test_outsiders_get_404_for_any_cases_and_for_none(personas, table, who):
    outsider = getattr(personas, who)
    for asked in ([table.case.pk, table.other_case.pk], [987654], []):
        with pytest.raises(Http404):
            get_cases_for_reader(request_for(outsider, second_factor=False), asked, purpose=PURPOSE)
    assert not reads().exists()


def test_an_administrator_with_a_seat_in_the_database_still_gets_404(personas, table):
    CoreSeat.objects.create(
        kind=CoreSeat.Kind.MAYOR, user=personas.admin, city=_city(), **confirmed_fields()
    )
    with pytest.raises(Http404):
        get_cases_for_reader(request_for(personas.admin), [table.case.pk], purpose=PURPOSE)
    assert not reads().exists()


def test_several_cases_for_a_session_without_the_second_factor_are_refused(table):
    with pytest.raises(SecondFactorRequiredError):
        get_cases_for_reader(
            request_for(table.police, second_factor=False), [table.case.pk], purpose=PURPOSE
        )
    assert not reads().exists()


def test_several_cases_for_a_member_without_a_current_acknowledgement_are_refused(table):
    table.police.case_acknowledgements.all().delete()
    with pytest.raises(AcknowledgementRequiredError):
        get_cases_for_reader(request_for(table.police), [table.case.pk], purpose=PURPOSE)
    assert not reads().exists()


def test_anonymised_cases_are_refused_to_everyone(table):
    Case.objects.filter(pk=table.other_case.pk).update(anonymised_at=timezone.now())
    with pytest.raises(Http404):
        get_cases_for_reader(
            request_for(table.mayor), [table.case.pk, table.other_case.pk], purpose=PURPOSE
        )
    assert not reads().exists()


def test_a_case_asked_twice_is_read_once_and_none_asked_writes_nothing(table):
    asked = [table.case.pk, table.case.pk]
    assert get_cases_for_reader(request_for(table.mayor), asked, purpose=PURPOSE) == [table.case]
    assert reads().count() == 1
    with CaptureQueriesContext(connection) as queries:
        assert get_cases_for_reader(request_for(table.mayor), [], purpose=PURPOSE) == []
    assert not audit_inserts(queries.captured_queries)
    assert reads().count() == 1
