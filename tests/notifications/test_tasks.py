"""The morning run builds one digest per person and period, and sends what is due."""

from __future__ import annotations

import datetime
import zoneinfo

import time_machine
from django.utils import timezone

from samen.notifications import notify
from samen.notifications.mailing import digests_build, period_of
from samen.notifications.models import Mail, Notification, Preference
from samen.notifications.tasks import DIGESTS, digests_run, mail_digests_daily

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
SUNDAY_EVENING = datetime.datetime(2026, 12, 6, 20, 0, tzinfo=BRUSSELS)
MONDAY_MORNING = datetime.datetime(2026, 12, 7, 7, 0, tzinfo=BRUSSELS)
TUESDAY_MORNING = datetime.datetime(2026, 12, 8, 7, 0, tzinfo=BRUSSELS)


def choose(person, code, delivery):
    Preference.objects.create(person=person, kind=code, delivery=delivery)


def test_periods_are_local_days_and_iso_weeks():
    late = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.UTC)  # Monday in Brussels
    assert period_of("daily", late) == "2026-12-07"
    assert period_of("weekly", late) == "2026-W50"


def test_the_morning_run_builds_daily_digests_and_on_monday_the_weekly_ones(
    kinds, personas, mail_server
):
    choose(personas.frontline, "test.open", "daily")
    choose(personas.coordinator, "test.open", "weekly")
    choose(personas.analyst, "test.open", "off")
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        notify(
            "test.open",
            recipients=[personas.frontline, personas.coordinator, personas.analyst],
            url="/a/",
        )
        notify("test.open", recipients=[personas.frontline], url="/b/")
        notify("test.secret", recipients=[personas.prevention], url="/cases/")  # daily default
    with time_machine.travel(MONDAY_MORNING, tick=False):
        assert digests_run() == {"daily": 2, "weekly": 1, "sent": 3}
    mails = {mail.recipient: mail for mail in Mail.objects.all()}
    assert set(mails) == {personas.frontline, personas.coordinator, personas.prevention}
    assert mails[personas.frontline].period == "2026-12-07"
    assert mails[personas.frontline].notifications.count() == 2
    assert mails[personas.coordinator].period == "2026-W50"
    assert Notification.objects.get(recipient=personas.analyst).mailed is None
    assert all(mail.status == Mail.Status.SENT for mail in mails.values())
    assert len(mail_server.received) == 3
    frontline = next(b for b in mail_server.bodies if "To: frontline@" in b)
    assert "A test waits for your answer: 2" in frontline
    assert "https://samen.example/a/" in frontline and "https://samen.example/b/" in frontline
    secret = next(b for b in mail_server.bodies if "To: prevention@" in b)
    assert "A case meeting you are called to: 1" in secret


def test_a_digest_is_built_and_sent_once_per_period(kinds, personas, mail_server):
    choose(personas.frontline, "test.open", "daily")
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        notify("test.open", recipients=[personas.frontline], url="/a/")
    with time_machine.travel(MONDAY_MORNING, tick=False):
        digests_run()
    with time_machine.travel(MONDAY_MORNING + datetime.timedelta(hours=2), tick=False):
        notify("test.open", recipients=[personas.frontline], url="/late/")
        assert digests_run() == {"daily": 0, "weekly": 0, "sent": 0}  # the day's went out
    assert len(mail_server.received) == 1
    late = Notification.objects.get(url="/late/")
    assert late.mailed is None
    with time_machine.travel(TUESDAY_MORNING, tick=False):
        assert digests_run() == {"daily": 1, "sent": 1}
    late.refresh_from_db()
    assert late.mailed.period == "2026-12-08"
    assert len(mail_server.received) == 2
    # Each notification is in exactly one e-mail.
    assert Notification.objects.filter(mailed=None).count() == 0


def test_read_notifications_are_not_mailed(kinds, personas, mail_server):
    choose(personas.frontline, "test.open", "weekly")
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        (notification,) = notify("test.open", recipients=[personas.frontline], url="/a/")
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())
    with time_machine.travel(MONDAY_MORNING, tick=False):
        assert digests_run() == {"daily": 0, "weekly": 0, "sent": 0}
    assert mail_server.received == []


def test_a_refused_digest_is_retried_by_the_next_run_and_sent_once(kinds, personas, mail_server):
    choose(personas.frontline, "test.open", "daily")
    mail_server.drop = 1
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        notify("test.open", recipients=[personas.frontline], url="/a/")
    with time_machine.travel(MONDAY_MORNING, tick=False):
        assert digests_run()["sent"] == 0
        # Building it again in the same period adds nothing and makes no second e-mail.
        assert digests_build(by=None, frequency="daily") == []
    assert Mail.objects.count() == 1
    with time_machine.travel(MONDAY_MORNING + datetime.timedelta(minutes=2), tick=False):
        assert digests_run()["sent"] == 1
    assert len(mail_server.received) == 1
    assert Mail.objects.get().attempts == 2


def test_the_task_runs_the_digests_and_schedules_nothing_with_the_immediate_backend(
    kinds, personas, mailoutbox
):
    choose(personas.frontline, "test.open", "daily")
    with time_machine.travel(SUNDAY_EVENING, tick=False):
        notify("test.open", recipients=[personas.frontline], url="/a/")
    with time_machine.travel(MONDAY_MORNING, tick=False):
        result = mail_digests_daily.enqueue().return_value
    assert result["daily"] == 1 and result["sent"] == 1 and result["next_run"] is None
    assert len(mailoutbox) == 1


def test_the_next_run_is_tomorrow_at_seven_in_brussels():
    moment = datetime.datetime(2026, 3, 28, 12, 0, tzinfo=BRUSSELS)  # the eve of summer time
    assert timezone.localtime(DIGESTS.next_run_time(moment)) == datetime.datetime(
        2026, 3, 29, 7, 0, tzinfo=BRUSSELS
    )
