"""The case work's access helpers: the one-query list of the seated core agrees with the
core's own rule."""

import datetime

import pytest
from django.utils import timezone

from samen.cases import access
from samen.cases.access.work import case_members, seated_today
from samen.cases.models import Clearance, CoreSeat
from samen.people.roles import Role
from tests.cases import work_fixtures
from tests.cases.conftest import seat_assign
from tests.conftest import make_person

pytestmark = pytest.mark.django_db
work = work_fixtures.work


def test_seated_today_follows_the_seats_own_rule(table):
    today = timezone.localdate()
    lapsed = make_person(Role.PARTNER_PROFESSIONAL, "lapsed.police@samen.test")
    seat_assign(
        by=None,
        kind=CoreSeat.Kind.POLICE,
        user=lapsed,
        clearance=Clearance.SECRET,
        clearance_expires_on=today - datetime.timedelta(days=1),
    )
    low = make_person(Role.PARTNER_PROFESSIONAL, "low.police@samen.test")
    seat = seat_assign(
        by=None,
        kind=CoreSeat.Kind.POLICE,
        user=low,
        clearance=Clearance.SECRET,
        clearance_expires_on=today + datetime.timedelta(days=100),
    )
    # A clearance lowered after the seat was given (no action offers it; the rule must hold).
    CoreSeat.objects.filter(pk=seat.pk).update(clearance=Clearance.CONFIDENTIAL)
    by_rule = {s.pk for s in CoreSeat.objects.all() if s.grants_access(today)}
    assert set(seated_today().values_list("pk", flat=True)) == by_rule
    members = set(case_members(table.case))
    assert {table.mayor, table.police, table.prevention, table.invited} == members
    assert lapsed not in members and low not in members
    assert not access.has_core_seat(lapsed)
