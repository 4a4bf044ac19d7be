"""A meeting calls its members, an invitation waits for whoever confirms it: each told alone,
and no notification names a case or a person."""

import datetime

import pytest
from django.utils import timezone

from samen.cases.actions.meetings import agenda_add, meeting_schedule
from samen.cases.actions.table import invitation_propose
from samen.notifications.models import Notification
from samen.people.roles import Role
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def told(kind: str, url: str) -> set:
    return {n.recipient for n in Notification.objects.filter(kind=kind, url=url)}


def test_a_meeting_calls_the_core_then_the_invitees_of_each_case_on_its_agenda(table):
    meeting = meeting_schedule(
        by=table.prevention, held_on=timezone.localdate(), place="Stadhuis", chair=table.prevention
    )
    url = f"/cases/meetings/{meeting.pk}/"
    assert told("cases.meeting_called", url) == {table.mayor, table.police}
    agenda_add(by=table.prevention, meeting=meeting, case=table.case)
    agenda_add(by=table.prevention, meeting=meeting, case=table.other_case)
    assert told("cases.meeting_called", url) == {
        table.mayor,
        table.police,
        table.invited,
        table.other_member,
    }
    # Each member is called once, however many cases go on the agenda.
    assert Notification.objects.filter(kind="cases.meeting_called", url=url).count() == 4


def test_an_invitation_waits_for_the_mayor_only(table, personas):
    professional = make_person(Role.PARTNER_PROFESSIONAL, "youthcare@samen.test")
    Notification.objects.all().delete()
    invitation_propose(
        by=table.prevention,
        case=table.case,
        user=professional,
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    assert told("cases.invitation_to_confirm", "/cases/table/") == {table.mayor}
    assert not Notification.objects.exclude(recipient=table.mayor).exists()


def test_the_mayors_own_invitation_is_decided_and_waits_for_nobody(table):
    professional = make_person(Role.PARTNER_PROFESSIONAL, "youthcare@samen.test")
    Notification.objects.all().delete()
    invitation_propose(
        by=table.mayor,
        case=table.case,
        user=professional,
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    assert not Notification.objects.filter(kind="cases.invitation_to_confirm").exists()


def test_no_case_notification_carries_a_name_a_case_or_params(table):
    notifications = list(Notification.objects.filter(kind__startswith="cases."))
    assert notifications
    for notification in notifications:
        assert notification.params == {}
        for secret in ("Jan Peeters", "Marie Janssens", "Kerkstraat", str(table.case.pk)):
            assert secret not in notification.text


def test_a_review_coming_due_is_told_to_the_mayor_once_per_review_date(table):
    from samen.cases.actions.calls import reviews_remind
    from samen.cases.actions.cases import case_set_review_date

    today = timezone.localdate()
    assert reviews_remind(by=None, today=today) == 0  # both cases are reviewed in 90 days
    soon = today + datetime.timedelta(days=88)
    assert reviews_remind(by=None, today=soon) == 2
    assert reviews_remind(by=None, today=soon + datetime.timedelta(days=1)) == 2
    told = Notification.objects.filter(kind="cases.review_due")
    assert {n.recipient for n in told} == {table.mayor}
    assert told.count() == 2
    assert {n.url for n in told} == {
        f"/cases/{table.case.pk}/",
        f"/cases/{table.other_case.pk}/",
    }
    case_set_review_date(by=table.mayor, case=table.case, review_on=soon + datetime.timedelta(5))
    assert reviews_remind(by=None, today=soon + datetime.timedelta(days=5)) == 2
    # The new review date is told again; the other case's is not.
    assert Notification.objects.filter(kind="cases.review_due").count() == 3
