"""notify writes one notification per recipient, once per key, with its e-mail if immediate."""

from __future__ import annotations

import pytest
from django.db import transaction

from samen.notifications import notify
from samen.notifications.models import Mail, Notification, Preference


def test_each_recipient_gets_one_notification(kinds, personas):
    made = notify(
        "test.open",
        recipients=[personas.frontline, personas.coordinator, personas.frontline],
        params={"subject": "Budget"},
        url="/exchange/12/",
    )
    assert len(made) == 2
    assert {n.recipient for n in made} == {personas.frontline, personas.coordinator}
    assert Notification.objects.get(recipient=personas.frontline).text == (
        "Budget waits for your answer"
    )


def test_notify_is_idempotent_per_recipient_kind_and_key(kinds, personas):
    for _night in range(3):
        notify("test.open", recipients=[personas.frontline], url="/x/1/", key="x:1:due")
    notify(
        "test.open",
        recipients=[personas.frontline, personas.coordinator],
        url="/x/1/",
        key="x:1:due",
    )
    assert Notification.objects.filter(recipient=personas.frontline).count() == 1
    assert Notification.objects.filter(recipient=personas.coordinator).count() == 1
    # Another key, or none, is another notification.
    notify("test.open", recipients=[personas.frontline], url="/x/1/", key="x:1:overdue")
    notify("test.open", recipients=[personas.frontline], url="/x/1/")
    notify("test.open", recipients=[personas.frontline], url="/x/1/")
    assert Notification.objects.filter(recipient=personas.frontline).count() == 4


def test_inactive_people_and_nobody_get_nothing(kinds, personas):
    personas.partner.is_active = False
    assert notify("test.open", recipients=[personas.partner, None], url="/x/") == []
    assert not Notification.objects.exists()


def test_an_immediate_notification_gets_its_own_pending_mail(kinds, personas):
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/x/")
    mail = notification.mailed
    assert mail.recipient == personas.frontline
    assert mail.frequency == "immediately" and mail.status == Mail.Status.PENDING


def test_a_digest_or_in_app_only_notification_waits_unmailed(kinds, personas):
    Preference.objects.create(person=personas.coordinator, kind="test.open", delivery="off")
    made = notify("test.open", recipients=[personas.coordinator, personas.frontline], url="/x/")
    by_person = {n.recipient: n for n in made}
    assert by_person[personas.coordinator].mailed is None
    assert by_person[personas.frontline].mailed is not None
    (secret,) = notify("test.secret", recipients=[personas.prevention], url="/cases/")
    assert secret.mailed is None  # its default is the daily digest
    assert Mail.objects.count() == 1


def test_the_mail_is_queued_only_when_the_callers_transaction_commits(
    kinds, personas, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        notify("test.open", recipients=[personas.frontline], url="/x/")
        raise RuntimeError("the action fails")
    assert callbacks == []
    assert not Notification.objects.exists() and not Mail.objects.exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify("test.open", recipients=[personas.frontline], params={"subject": "S"}, url="/x/")
    assert mailoutbox == []  # never inside the request's transaction
    (on_commit,) = callbacks
    on_commit()
    assert len(mailoutbox) == 1
    assert Mail.objects.get().status == Mail.Status.SENT


def test_a_confidential_kind_stores_no_params(kinds, personas):
    (notification,) = notify("test.secret", recipients=[personas.prevention], url="/cases/")
    assert notification.params == {}
    assert notification.text == "A test meeting you are called to"


def test_without_a_mail_server_named_nothing_is_mailed(kinds, personas, settings):
    settings.SAMEN_MAIL_CONFIGURED = False
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/x/")
    assert notification.mailed is None and not Mail.objects.exists()
