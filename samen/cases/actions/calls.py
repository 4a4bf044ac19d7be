"""What the case consultation tells one person through the notification centre: a meeting
they are called to, an invitation waiting for their confirmation, a case's review coming due.

Confidential kinds (samen.notifications): the text says only that something waits, never a
case, a name or a place; the link leads to a page that checks access itself. Each person is
told only of what they may open, in the writing action's transaction.
"""

from __future__ import annotations

import datetime

from django.urls import reverse

from samen.cases import access
from samen.cases.access import table as table_access
from samen.cases.access.work import meeting_candidates, seated_today
from samen.cases.models import Case, Invitation, Meeting
from samen.core.actions import action
from samen.notifications import notify
from samen.people.models import User


def meeting_call(meeting: Meeting, *, by) -> None:
    """Call the meeting's members (the core, the invitees of its cases) but its organiser."""
    members = meeting_candidates(meeting)
    if by is not None:
        members = members.exclude(pk=by.pk)
    notify(
        "cases.meeting_called",
        recipients=members,
        url=reverse("cases:meeting", args=[meeting.pk]),
        key=f"cases:meeting:{meeting.pk}:called",
    )


def invitation_to_confirm(invitation: Invitation, *, by) -> None:
    """Tell whoever may confirm a proposed invitation (the mayor or a delegate) that it waits."""
    if invitation.confirmed_at is not None:
        return
    core = User.objects.filter(is_active=True, pk__in=seated_today().values("user"))
    deciders = [person for person in core if table_access.may_confirm(person, invitation)]
    notify(
        "cases.invitation_to_confirm",
        recipients=[person for person in deciders if by is None or person.pk != by.pk],
        url=reverse("cases:table"),
        key=f"cases:invitation:{invitation.pk}:to-confirm",
    )


# How many days before its review date a case's review is announced.
REVIEW_NOTICE_DAYS = 7


@action
def reviews_remind(*, by, today: datetime.date | None = None) -> int:
    """Tell whoever controls the case list (the mayor, a delegate) of each open case whose
    review date is within REVIEW_NOTICE_DAYS or past, once per review date; return how many
    cases. Run every night."""
    today = today or access.today()
    due = list(
        Case.objects.filter(
            status=Case.Status.OPEN,
            review_on__lte=today + datetime.timedelta(days=REVIEW_NOTICE_DAYS),
        ).values_list("pk", "review_on")
    )
    if not due:
        return 0
    core = User.objects.filter(is_active=True, pk__in=seated_today().values("user"))
    deciders = [person for person in core if access.controls_case_list(person)]
    for pk, review_on in due:
        notify(
            "cases.review_due",
            recipients=deciders,
            url=reverse("cases:detail", args=[pk]),
            key=f"cases:case:{pk}:review:{review_on.isoformat()}",
        )
    return len(due)
