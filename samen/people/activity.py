"""A signed-in session's last activity: the idle timeout and the sessions list, written at
most once a minute rather than on every request."""

import datetime
import time

from allauth.account.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.http import HttpRequest
from django.utils import timezone

# The session's own record of when it was last written (seconds since the epoch).
LAST_ACTIVITY_KEY = "samen_last_activity"
# How stale the session's expiry and the sessions list's last-seen time may be: a session idle
# longer than IDLE_TIMEOUT_MINUTES ends at most this much earlier than the timeout says.
ACTIVITY_WRITE_SECONDS = 60


def activity_due(request: HttpRequest) -> bool:
    """Whether this signed-in request must write the session's activity: the last write is
    more than a minute old, or unknown, or (on a server whose clock is behind) ahead."""
    last = request.session.get(LAST_ACTIVITY_KEY)
    return last is None or abs(time.time() - last) >= ACTIVITY_WRITE_SECONDS


def note_sign_in(sender, request: HttpRequest, **kwargs) -> None:
    """On allauth's user_logged_in: the sign-in saves the session, and allauth writes its row
    in the sessions list, so the next minute of requests need write neither."""
    request.session[LAST_ACTIVITY_KEY] = int(time.time())


def activity_record(request: HttpRequest) -> None:
    """Keep the session alive for another IDLE_TIMEOUT_MINUTES and refresh its row in the
    sessions list (last seen, network address, browser), as allauth did on every request.

    The row is updated with one UPDATE that matches only when its last-seen time is more than
    a minute old, so requests of the same session on other servers or tabs add nothing; a
    session without a row (signed in other than through the sign-in page) gets one, as
    allauth's own middleware gave it, so that "sign out everywhere" ends it too.
    """
    first = request.session.get(LAST_ACTIVITY_KEY) is None
    # Setting the key marks the session modified: it is saved after the view, with a new
    # expiry of SESSION_COOKIE_AGE from now.
    request.session[LAST_ACTIVITY_KEY] = int(time.time())
    now = timezone.now()
    user_agent_length = UserSession.user_agent.field.max_length
    updated = UserSession.objects.filter(
        session_key=request.session.session_key,
        last_seen_at__lt=now - datetime.timedelta(seconds=ACTIVITY_WRITE_SECONDS),
    ).update(
        last_seen_at=now,
        ip=get_adapter().get_client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:user_agent_length],
    )
    if first and not updated:
        UserSession.objects.create_from_request(request)
