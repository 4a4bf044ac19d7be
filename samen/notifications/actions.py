"""Every write a person makes to their notifications and their choice of delivery."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.notifications.access import choosable_kinds, visible_notifications
from samen.notifications.kinds import DELIVERIES
from samen.notifications.models import Notification, Preference


@action
def notification_read(*, by, notification: Notification) -> Notification:
    """Mark one of `by`'s own notifications read (a second time changes nothing)."""
    if notification.recipient_id != by.pk:
        raise PermissionError("Only the recipient marks a notification read.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@action
def notifications_read_all(*, by) -> int:
    """Mark every unread notification of `by` read; return how many."""
    unread = visible_notifications(Notification.objects.all(), by).filter(read_at=None)
    return unread.update(read_at=timezone.now())


@action
def preferences_set(*, by, deliveries: dict[str, str]) -> int:
    """Set how `by` gets each kind they can receive; return how many choices changed."""
    choosable = {kind.code: kind for kind in choosable_kinds(by)}
    errors = FieldErrors()
    for code, delivery in deliveries.items():
        if code not in choosable:
            errors.add_form_error(_("You cannot receive this kind of notification."))
        elif delivery not in DELIVERIES:
            errors.add(code, _("Choose how you want to receive it."))
    errors.raise_if_any()
    current = dict(
        Preference.objects.filter(person=by, kind__in=list(deliveries)).values_list(
            "kind", "delivery"
        )
    )
    changed = 0
    for code, delivery in deliveries.items():
        if current.get(code, choosable[code].default) == delivery and code not in current:
            continue  # the default, never chosen: no row needed
        if current.get(code) == delivery:
            continue
        Preference.objects.update_or_create(person=by, kind=code, defaults={"delivery": delivery})
        changed += 1
    return changed
