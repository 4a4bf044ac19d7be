"""The notification e-mails, run by the task worker (`samen db_worker`).

An immediate e-mail is sent by its own task, queued when the notification's transaction
commits. The digests are built every morning at 07:00 (the weekly ones on Mondays), by a run
that keeps itself scheduled (samen.core.nightly) and also retries every e-mail whose next
attempt has come.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tasks import task

from samen.core.nightly import Nightly
from samen.notifications.mailing import digests_build, mail_send, send_due_mails
from samen.notifications.models import Delivery, Mail


@task()
def send_notification_mail(mail_pk: int) -> str:
    """Send one e-mail; when it must wait, queue the next attempt where the backend can."""
    mail = mail_send(by=None, mail_pk=mail_pk)
    if mail is None:
        return "not due"
    if mail.status == Mail.Status.PENDING and send_notification_mail.get_backend().supports_defer:
        send_notification_mail.using(run_after=mail.next_attempt_at).enqueue(mail_pk)
    return mail.status


def digests_run(now: datetime.datetime | None = None) -> dict:
    """Build today's digests (and the week's on a Monday), then send what is due."""
    now = now or timezone.now()
    built = {"daily": len(digests_build(by=None, frequency=Delivery.DAILY, now=now))}
    if timezone.localdate(now).isoweekday() == 1:
        built["weekly"] = len(digests_build(by=None, frequency=Delivery.WEEKLY, now=now))
    built["sent"] = send_due_mails(now)
    return built


@task()
def mail_digests_daily() -> dict:
    """Queue tomorrow's run, then build and send the digests."""
    next_run = DIGESTS.schedule()
    return {**digests_run(), "next_run": next_run.isoformat() if next_run else None}


DIGESTS = Nightly(mail_digests_daily, at=datetime.time(7, 0))
