"""The confidentiality rules are acknowledged per meeting (DOMAIN.md rule 4): a member reads
between meetings on the acknowledgement of the last meeting they were called to, before any
meeting's date on that of the next one, and acknowledges again when a new meeting's date comes."""

import datetime
import importlib

import pytest
import time_machine
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone, translation

from samen.cases import access
from samen.cases.access import AcknowledgementRequiredError, get_case_for_reader
from samen.cases.actions.cases import cycle_open, rules_acknowledge
from samen.cases.actions.meetings import agenda_add, meeting_schedule
from samen.cases.models import Acknowledgement, CoreSeat
from tests.cases.access.test_cases import request_for
from tests.cases.conftest import acknowledge_for_reading, open_case, seat_assign, sign_in

pytestmark = pytest.mark.django_db
URL = "/cases/acknowledge/"


def on(day: datetime.date):
    return time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time(9))), tick=False
    )


def reads(user, case) -> bool:
    try:
        get_case_for_reader(request_for(user), case.pk, purpose="page")
    except AcknowledgementRequiredError:
        return False
    return True


def next_meeting(table, days: int, *cases):
    chair = table.prevention
    day = timezone.localdate() + datetime.timedelta(days=days)
    meeting = meeting_schedule(by=chair, held_on=day, place="Stadhuis", chair=chair)
    for case in cases:
        agenda_add(by=chair, meeting=meeting, case=case)
    return meeting


def test_between_meetings_a_member_reads_on_the_last_meetings_acknowledgement(table):
    assert access.meeting_to_acknowledge(table.mayor) == table.meeting
    with on(timezone.localdate() + datetime.timedelta(days=20)):
        assert reads(table.mayor, table.case)
        assert reads(table.invited, table.case)


def test_a_new_meetings_date_ends_the_cover_of_the_last_acknowledgement(table):
    meeting = next_meeting(table, 7, table.case)
    assert reads(table.mayor, table.case)  # the new meeting's date has not come
    with on(meeting.held_on):
        assert access.meeting_to_acknowledge(table.mayor) == meeting
        assert not reads(table.mayor, table.case)
        assert not reads(table.invited, table.case)
        rules_acknowledge(by=table.mayor, meeting=meeting)
        assert reads(table.mayor, table.case)


def test_an_invited_professional_is_called_to_the_meetings_of_their_case_only(table):
    meeting = next_meeting(table, 0, table.other_case)
    # The core is called to every meeting; the invitee of `case` not to this one.
    assert not reads(table.mayor, table.case)
    assert not reads(table.other_member, table.other_case)
    assert access.meeting_to_acknowledge(table.invited) == table.meeting
    assert reads(table.invited, table.case)
    assert access.meeting_to_acknowledge(table.other_member) == meeting


def test_before_any_meetings_date_the_next_meeting_is_acknowledged(personas):
    today = timezone.localdate()
    chair = personas.prevention
    seat_assign(by=None, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=chair)
    cycle_open(by=chair, title="Eerste", starts_on=today, ends_on=today + datetime.timedelta(30))
    case = open_case()
    later = meeting_schedule(
        by=chair, held_on=today + datetime.timedelta(days=9), place="Stadhuis", chair=chair
    )
    first = meeting_schedule(
        by=chair, held_on=today + datetime.timedelta(days=4), place="Stadhuis", chair=chair
    )
    assert access.meeting_to_acknowledge(chair) == first
    assert not reads(chair, case)
    rules_acknowledge(by=chair, meeting=first)
    assert reads(chair, case)
    with on(later.held_on):
        assert not reads(chair, case)


def test_nobody_reads_without_a_meeting_to_acknowledge(personas):
    today = timezone.localdate()
    chair = personas.prevention
    seat_assign(by=None, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=chair)
    cycle_open(by=chair, title="Leeg", starts_on=today, ends_on=today + datetime.timedelta(30))
    case = open_case()
    assert access.meeting_to_acknowledge(chair) is None
    assert not reads(chair, case)
    with pytest.raises(ValidationError):
        rules_acknowledge(by=chair, meeting=None)
    assert not Acknowledgement.objects.exists()


def test_only_the_meeting_that_covers_reading_today_is_acknowledged(table):
    meeting = next_meeting(table, 7, table.case)
    with pytest.raises(ValidationError):
        rules_acknowledge(by=table.mayor, meeting=meeting)
    assert not Acknowledgement.objects.filter(meeting=meeting).exists()


def test_the_rules_page_names_the_meeting_in_the_readers_language(client, table):
    meeting = next_meeting(table, 0, table.case)
    sign_in(client, table.invited)
    for language in ("nl", "fr", "en"):
        page = client.get(URL, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        with translation.override(language):
            day = formats.date_format(meeting.held_on, "DATE_FORMAT")
        assert day in page
        assert f'name="meeting" value="{meeting.pk}"' in page


def test_acknowledging_on_the_page_covers_reading_until_the_next_meeting(client, table):
    meeting = next_meeting(table, 0, table.case)
    sign_in(client, table.invited)
    detail = reverse("cases:detail", args=[table.case.pk])
    assert client.get(detail)["Location"].startswith(URL)
    response = client.post(URL, {"agree": "yes", "meeting": meeting.pk, "next": detail})
    assert response["Location"] == detail
    assert Acknowledgement.objects.get(user=table.invited, meeting=meeting)
    assert client.get(detail).status_code == 200


def test_a_page_read_for_another_meeting_acknowledges_nothing(client, table):
    meeting = next_meeting(table, 0, table.case)
    sign_in(client, table.invited)
    response = client.post(
        URL, {"agree": "yes", "meeting": table.meeting.pk}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "has changed" in response.content.decode()
    assert not Acknowledgement.objects.filter(meeting=meeting).exists()


def test_without_a_meeting_the_page_says_why_no_case_can_be_read(client, personas):
    chair = personas.prevention
    seat_assign(by=None, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=chair)
    sign_in(client, chair)
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "not called to any meeting yet" in page
    assert reverse("cases:meetings") in page
    assert client.get(reverse("cases:meetings")).status_code == 200  # to schedule one


@pytest.mark.parametrize("who", ["admin", "dpo", "frontline", "analyst"])
def test_an_outsider_gets_404_on_the_rules_page(client, personas, table, who):
    sign_in(client, getattr(personas, who))
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"agree": "yes", "meeting": table.meeting.pk}).status_code == 404
    assert not Acknowledgement.objects.filter(user=getattr(personas, who)).exists()


def test_the_acknowledgement_check_costs_one_query_however_many_meetings(
    table, django_assert_num_queries
):
    for days in (1, 2, 3):
        next_meeting(table, -days, table.case)
    acknowledge_for_reading(table.invited)
    access.has_core_seat(table.invited)  # remembered for the request, as every read asks it
    with django_assert_num_queries(1):
        assert access.acknowledged_for_reading(table.invited)
    access.forget(table.invited)
    # The whole session check: the case role, the seats and the acknowledgement.
    with django_assert_num_queries(3):
        access.check_case_session(request_for(table.invited))


def test_acknowledgements_of_a_cycle_count_for_its_meetings_after_the_upgrade(table):
    migration = importlib.import_module("samen.cases.migrations.0007_acknowledgement_per_meeting")
    second = next_meeting(table, 0, table.case)
    Acknowledgement.objects.all().delete()
    old = Acknowledgement.objects.create(user=table.mayor, cycle=table.cycle, rules_version="x")
    migration.carry_to_meetings(apps, None)
    carried = Acknowledgement.objects.filter(user=table.mayor).order_by("meeting__held_on")
    assert [a.meeting for a in carried] == [table.meeting, second]
    assert {a.acknowledged_at for a in carried} == {old.acknowledged_at}
    assert reads(table.mayor, table.case)
