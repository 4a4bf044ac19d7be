"""Who sees which notification: each person their own, nobody another's."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from samen.notifications.kinds import Kind, kinds_for
from samen.notifications.models import Notification


def may_have_notifications(user) -> bool:
    """Signed-in, active people have a notification centre and preferences."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def visible_notifications(queryset: QuerySet[Notification], user) -> QuerySet[Notification]:
    """The reader's own notifications; nobody's for anyone else."""
    if not may_have_notifications(user):
        return queryset.none()
    return queryset.filter(recipient=user)


def get_notification_for_reader(user, pk: int) -> Notification:
    """The reader's notification `pk`; 404 alike when absent and when someone else's."""
    found = visible_notifications(Notification.objects.all(), user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def choosable_kinds(user) -> list[Kind]:
    """The kinds this person can receive, one row each on the preferences page."""
    return kinds_for(user) if may_have_notifications(user) else []
