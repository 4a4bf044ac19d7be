"""E-mails of notifications: the digests built, and each e-mail sent once.

An e-mail says only that something waits: per kind its label, how many, and the links. It
never carries a notification's text or params, so no case, mediation party or place detail
leaves Samen by e-mail, whatever the kind.

Sending claims the e-mail's row (locked, `skip_locked` where the database has it, so two
workers never send the same e-mail), hands the message to the SMTP server within
EMAIL_TIMEOUT, and marks it sent with its Message-ID, all in one transaction. A refusal or a
dropped connection keeps it pending with one attempt more and a later next attempt (1, 5,
30 minutes, 2 and 12 hours), until SAMEN_NOTIFY_MAIL_MAX_ATTEMPTS attempts mark it failed
(the administration lists those). The one at-least-once window: the SMTP server accepted
the message and the commit that marks it sent is then lost (the database gone at that very
moment); the row stays pending and the e-mail goes out a second time. Nothing is ever lost.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, make_msgid
from django.db import connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samen.core.actions import action
from samen.notifications.kinds import get_kind
from samen.notifications.models import Delivery, Mail, Notification, Preference

logger = logging.getLogger(__name__)

BACKOFF_MINUTES = (1, 5, 30, 120, 720)
LINKS_PER_KIND = 10


def next_attempt_after(attempts: int) -> datetime.timedelta:
    """How long to wait after `attempts` failed attempts."""
    return datetime.timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def period_of(frequency: str, moment: datetime.datetime) -> str:
    """The digest period `moment` falls in: its local day, or its ISO week."""
    day = timezone.localdate(moment)
    if frequency == Delivery.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


@dataclass
class KindLines:
    label: str
    count: int
    links: list[str]


def lines_of(mail: Mail) -> list[KindLines]:
    """Per kind its label, count and links (each link once), in the order they came."""
    grouped: dict[str, KindLines] = {}
    for notification in mail.notifications.order_by("created", "pk"):
        kind = get_kind(notification.kind)
        label = str(kind.label) if kind else _("A notification")
        lines = grouped.setdefault(notification.kind, KindLines(label, 0, []))
        lines.count += 1
        link = settings.SAMEN_BASE_URL.rstrip("/") + notification.url
        if link not in lines.links and len(lines.links) < LINKS_PER_KIND:
            lines.links.append(link)
    return list(grouped.values())


def compose(mail: Mail) -> EmailMessage | None:
    """The e-mail for `mail`, in the city's language; None when nothing is left to say."""
    with translation.override(settings.LANGUAGE_CODE):
        lines = lines_of(mail)
        if not lines:
            return None
        count = sum(line.count for line in lines)
        subject = ngettext(
            "Samen: %(count)d notification waits for you",
            "Samen: %(count)d notifications wait for you",
            count,
        ) % {"count": count}
        body = render_to_string(
            "notifications/mail.txt",
            {
                "lines": lines,
                "count": count,
                "frequency": mail.frequency,
                "centre": settings.SAMEN_BASE_URL.rstrip("/") + "/notifications/",
                "preferences": settings.SAMEN_BASE_URL.rstrip("/") + "/notifications/preferences/",
            },
        )
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return EmailMessage(
        subject=subject,
        body=body,
        to=[mail.recipient.email],
        headers={"Message-ID": make_msgid(domain=domain)},
    )


@action
def mail_send(*, by, mail_pk: int, now: datetime.datetime | None = None) -> Mail | None:
    """Send one pending, due e-mail; return it, or None when it is not (or no longer) due.

    See the module's docstring for what is guaranteed: never sent twice but for the one
    at-least-once window, never lost.
    """
    now = now or timezone.now()
    rows = Mail.objects.filter(pk=mail_pk, status=Mail.Status.PENDING, next_attempt_at__lte=now)
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True, of=("self",))
    mail = rows.select_related("recipient").first()
    if mail is None:
        return None
    mail.attempts += 1
    message = compose(mail) if mail.recipient.is_active else None
    if message is None:
        mail.status = Mail.Status.FAILED
        mail.last_error = "nothing to send" if mail.recipient.is_active else "recipient inactive"
        mail.save()
        return mail
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        mail.last_error = f"{type(error).__name__}: {error}"[:500]
        if mail.attempts >= settings.SAMEN_NOTIFY_MAIL_MAX_ATTEMPTS:
            mail.status = Mail.Status.FAILED
        else:
            mail.next_attempt_at = now + next_attempt_after(mail.attempts)
        mail.save()
        # The mail's number only: never an address or what it says.
        logger.warning("Notification e-mail %s not sent (attempt %s).", mail.pk, mail.attempts)
        return mail
    mail.status = Mail.Status.SENT
    mail.message_id = message.extra_headers["Message-ID"]
    mail.sent_at = now
    mail.last_error = ""
    mail.save()
    return mail


def due_mails(now: datetime.datetime | None = None) -> list[int]:
    """The e-mails waiting to be sent whose next attempt has come."""
    rows = Mail.objects.filter(
        status=Mail.Status.PENDING, next_attempt_at__lte=now or timezone.now()
    )
    return list(rows.order_by("next_attempt_at", "pk").values_list("pk", flat=True))


def send_due_mails(now: datetime.datetime | None = None) -> int:
    """Send every due e-mail, each in its own transaction; return how many went out."""
    sent = 0
    for mail_pk in due_mails(now):
        mail = mail_send(by=None, mail_pk=mail_pk, now=now)
        sent += mail is not None and mail.status == Mail.Status.SENT
    return sent


@action
def digests_build(*, by, frequency: str, now: datetime.datetime | None = None) -> list[Mail]:
    """One e-mail per person for this period, of their unread notifications not yet mailed
    that they get by `frequency`; a period's e-mail already sent is never added to."""
    if not settings.SAMEN_MAIL_CONFIGURED:
        return []  # no mail server named: the notifications stay in the app
    now = now or timezone.now()
    period = period_of(frequency, now)
    waiting = list(
        Notification.objects.filter(mailed=None, read_at=None, created__lte=now).values_list(
            "pk", "recipient_id", "kind"
        )
    )
    people = {recipient for _pk, recipient, _kind in waiting}
    chosen = {
        (person, kind): delivery
        for person, kind, delivery in Preference.objects.filter(person__in=people).values_list(
            "person_id", "kind", "delivery"
        )
    }
    by_person: dict[int, list[int]] = {}
    for pk, recipient, code in waiting:
        kind = get_kind(code)
        default = kind.default if kind else Delivery.OFF
        if chosen.get((recipient, code), default) == frequency:
            by_person.setdefault(recipient, []).append(pk)
    mails = []
    for recipient, pks in by_person.items():
        mail, _created = Mail.objects.get_or_create(
            recipient_id=recipient,
            frequency=frequency,
            period=period,
            defaults={"next_attempt_at": now, "created": now},
        )
        if mail.status != Mail.Status.PENDING:
            continue  # that period's e-mail went out already; these wait for the next one
        Notification.objects.filter(pk__in=pks, mailed=None).update(mailed=mail)
        mails.append(mail)
    return mails
