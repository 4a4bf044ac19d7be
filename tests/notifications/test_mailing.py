"""E-mails go through a real SMTP server: once, retried when refused or dropped, never lost."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samen.notifications import notify
from samen.notifications.mailing import mail_send, next_attempt_after, send_due_mails
from samen.notifications.models import Mail, Notification

SECRET = "Zonnebloemstraat budget talks"


def notify_at_once(person, django_capture_on_commit_callbacks):
    """An immediate notification, its e-mail sent on commit (the immediate task backend)."""
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = notify(
            "test.open", recipients=[person], params={"subject": SECRET}, url="/exchange/12/"
        )
    return Mail.objects.get(pk=notification.mailed_id)


def later(minutes: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_an_immediate_notification_is_mailed_once_on_commit(
    mail_server, kinds, personas, django_capture_on_commit_callbacks
):
    mail = notify_at_once(personas.frontline, django_capture_on_commit_callbacks)
    assert mail.status == Mail.Status.SENT and mail.attempts == 1
    assert len(mail_server.received) == 1
    assert mail.message_id and mail.message_id in mail_server.bodies[0]
    # Sending again, by the task or the digest run, sends nothing.
    assert mail_send(by=None, mail_pk=mail.pk) is None
    assert send_due_mails(later(60 * 24)) == 0
    assert len(mail_server.received) == 1


def test_an_email_says_only_that_something_waits_with_its_link(
    mail_server, kinds, personas, django_capture_on_commit_callbacks
):
    notify_at_once(personas.frontline, django_capture_on_commit_callbacks)
    (body,) = mail_server.bodies
    assert "To: frontline@samen.test" in body
    assert "A test waits for your answer: 1" in body
    assert "https://samen.example/exchange/12/" in body
    assert SECRET not in body and "waits for your answer\n" not in body.split("A test")[0]
    assert "Zonnebloemstraat" not in body


@pytest.mark.parametrize(
    "refusal", ["421 Service not available, try again later", "554 Transaction failed"]
)
def test_a_refusing_server_gets_the_mail_again_later_and_it_arrives_once(
    mail_server, kinds, personas, django_capture_on_commit_callbacks, refusal
):
    mail_server.refuse = 2
    mail_server.refusal = refusal
    mail = notify_at_once(personas.frontline, django_capture_on_commit_callbacks)
    assert mail.status == Mail.Status.PENDING and mail.attempts == 1
    assert refusal.split()[0] in mail.last_error
    assert mail.next_attempt_at > timezone.now()
    assert send_due_mails() == 0  # not yet due: nothing is tried
    assert Mail.objects.get().attempts == 1
    assert send_due_mails(later(1.5)) == 0  # second attempt, refused too
    mail.refresh_from_db()
    assert mail.attempts == 2 and mail.status == Mail.Status.PENDING
    assert send_due_mails(later(1.5 + 6)) == 1
    mail.refresh_from_db()
    assert mail.status == Mail.Status.SENT and mail.attempts == 3 and mail.last_error == ""
    assert send_due_mails(later(60 * 24)) == 0
    assert len(mail_server.received) == 1


def test_a_dropped_connection_is_retried_not_lost_not_doubled(
    mail_server, kinds, personas, django_capture_on_commit_callbacks
):
    mail_server.drop = 1
    mail = notify_at_once(personas.frontline, django_capture_on_commit_callbacks)
    assert mail.status == Mail.Status.PENDING and mail.attempts == 1
    assert "Disconnected" in mail.last_error or "Error" in mail.last_error
    assert mail_server.received == []
    assert send_due_mails(later(2)) == 1
    assert send_due_mails(later(60)) == 0
    assert len(mail_server.received) == 1
    assert Notification.objects.get().mailed_id == mail.pk


def test_a_server_that_is_not_there_counts_as_a_failed_attempt(
    settings, kinds, personas, django_capture_on_commit_callbacks
):
    from tests.notifications.conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    mail = notify_at_once(personas.frontline, django_capture_on_commit_callbacks)
    assert mail.status == Mail.Status.PENDING and mail.attempts == 1
    assert "ConnectionRefused" in mail.last_error


def test_after_the_last_attempt_the_mail_is_failed_for_administrators_to_see(
    mail_server, kinds, personas, django_capture_on_commit_callbacks, settings, client
):
    settings.SAMEN_NOTIFY_MAIL_MAX_ATTEMPTS = 3
    mail_server.refuse = 10
    mail = notify_at_once(personas.frontline, django_capture_on_commit_callbacks)
    send_due_mails(later(2))
    send_due_mails(later(2 + 6))
    mail.refresh_from_db()
    assert mail.status == Mail.Status.FAILED and mail.attempts == 3
    assert send_due_mails(later(60 * 24 * 7)) == 0
    assert mail_server.received == []
    client.force_login(personas.admin)
    response = client.get("/admin/notifications/mail/?status__exact=failed")
    assert response.status_code == 200 and f"/admin/notifications/mail/{mail.pk}/" in (
        response.text
    )
    client.force_login(personas.frontline)
    assert client.get("/admin/notifications/mail/").status_code in (302, 403)


def test_the_back_off_grows_from_a_minute_to_half_a_day():
    assert [next_attempt_after(n).total_seconds() / 60 for n in range(1, 8)] == [
        1,
        5,
        30,
        120,
        720,
        720,
        720,
    ]
