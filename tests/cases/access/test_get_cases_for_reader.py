"""The door to several cases at once: the same refusals as the one-case door, case by case,
and the same access records, written in one INSERT."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.cases.access import (
    AcknowledgementRequiredError,
    SecondFactorRequiredError,
    get_case_for_reader,
    get_cases_for_reader,
)
from samen.cases.actions.table import invitation_end
from samen.cases.models import Case, Clearance, CoreSeat
from samen.people.roles import Role
from tests.cases.access.test_cases import _city, request_for
from tests.cases.conftest import (
    acknowledge_for_reading,
    confirmed_fields,
    invitation_create,
    open_case,
    seat_assign,
)
from tests.conftest import make_person

pytestmark = pytest.mark.django_db
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


def test_a_session_without_the_second_factor_is_refused(table):
    with pytest.raises(SecondFactorRequiredError):
        get_cases_for_reader(
            request_for(table.police, second_factor=False), [table.case.pk], purpose=PURPOSE
        )
    assert not reads().exists()


def test_a_member_without_a_current_acknowledgement_is_refused(table):
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
