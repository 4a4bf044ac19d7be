"""Writing notifications: what `notify` does once the models are loaded."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from samen.notifications.kinds import Kind, set_store
from samen.notifications.models import Delivery, Mail, Notification, Preference
from samen.notifications.tasks import send_notification_mail


def deliveries(kind: Kind, people: Iterable) -> dict[int, str]:
    """How each person gets `kind`: their preference, else the kind's default (one query)."""
    people = list(people)
    chosen = dict(
        Preference.objects.filter(kind=kind.code, person__in=people).values_list(
            "person_id", "delivery"
        )
    )
    return {person.pk: chosen.get(person.pk, kind.default) for person in people}


def store(kind: Kind, *, recipients: Iterable, params: dict, url: str, key: str) -> list:
    """Write one notification per new recipient; an immediate one gets its e-mail queued.

    Without a mail server named (SAMEN_MAIL_CONFIGURED) nothing is mailed: the notification
    is in the app. The e-mail row is written here, in the caller's transaction, so it cannot
    be lost; the task that sends it is queued only once that transaction commits.
    """
    people = {person.pk: person for person in recipients if person is not None and person.is_active}
    if not people:
        return []
    if key:
        known = set(
            Notification.objects.filter(
                kind=kind.code, key=key, recipient__in=list(people)
            ).values_list("recipient_id", flat=True)
        )
        people = {pk: person for pk, person in people.items() if pk not in known}
    how = deliveries(kind, people.values())
    made = []
    now = timezone.now()
    for person in people.values():
        notification = Notification.objects.create(
            recipient=person, kind=kind.code, params=params, url=url, key=key, created=now
        )
        if how[person.pk] == Delivery.IMMEDIATELY and settings.SAMEN_MAIL_CONFIGURED:
            mail = Mail.objects.create(
                recipient=person,
                frequency=Delivery.IMMEDIATELY,
                period=f"n{notification.pk}",
                next_attempt_at=now,
            )
            notification.mailed = mail
            notification.save(update_fields=["mailed"])
            transaction.on_commit(lambda pk=mail.pk: queue_mail(pk))
        made.append(notification)
    return made


def queue_mail(mail_pk: int) -> None:
    """Hand one e-mail to the task worker (after the commit that wrote it)."""
    send_notification_mail.enqueue(mail_pk)


set_store(store)
