"""The count of unread notifications in every page's header."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import cached_property

from samen.notifications.access import may_have_notifications, visible_notifications
from samen.notifications.models import Notification


class HeaderCount:
    """Counted once per request, and only when a page shows it (one query)."""

    def __init__(self, user) -> None:
        self.user = user

    @cached_property
    def unread(self) -> int:
        rows = visible_notifications(Notification.objects.all(), self.user)
        return rows.filter(read_at=None).count()

    @cached_property
    def url(self) -> str:
        return reverse("notifications:centre")


def header_count(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if not may_have_notifications(user) or getattr(request, "two_factor_missing", False):
        return {"notifications_header": None}
    # Kept on the request, so a page rendering several templates counts once.
    if not hasattr(request, "notifications_header"):
        request.notifications_header = HeaderCount(user)
    return {"notifications_header": request.notifications_header}
