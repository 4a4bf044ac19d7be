"""Notices to the mayor(s) and the data-protection officer(s) of every change of who sits at
the table: one TableNotice each, shown on their home page, and an e-mail where an operator
configured a mail server (SAMEN_MAIL_CONFIGURED).

The e-mail says only that the table changed: no name, no case, nothing a mailbox should keep.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from samen.cases import access
from samen.cases.models import CoreSeat, Delegation, Grant, TableNotice
from samen.people.models import User
from samen.people.roles import Role

logger = logging.getLogger(__name__)


def notice_grant(grant: Grant) -> str:
    """The TableNotice.Grant value naming what kind of grant `grant` is."""
    if isinstance(grant, CoreSeat):
        return grant.kind
    if isinstance(grant, Delegation):
        return TableNotice.Grant.DELEGATION
    return TableNotice.Grant.INVITATION


def recipients() -> list[User]:
    """Whoever holds a mayor's seat that grants access today, and every active
    data-protection officer."""
    mayors = CoreSeat.objects.filter(
        access.granting_seat_rule(access.today()), kind=CoreSeat.Kind.MAYOR
    ).values("user")
    people = User.objects.filter(is_active=True).filter(pk__in=mayors) | User.objects.filter(
        is_active=True, role=Role.DATA_PROTECTION_OFFICER
    )
    return list(people.distinct().order_by("pk"))


def notify(*, event: str, grant: Grant, actor) -> list[TableNotice]:
    """Record a notice of `event` on `grant` for every recipient, and mail them after commit."""
    people = recipients()
    notices = [
        TableNotice.objects.create(
            recipient=person,
            event=event,
            grant=notice_grant(grant),
            holder=grant.holder,
            actor=actor,
        )
        for person in people
    ]
    if settings.SAMEN_MAIL_CONFIGURED and people:
        addresses = [person.email for person in people]
        transaction.on_commit(lambda: _mail(addresses))
    return notices


def _mail(addresses: list[str]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Samen: the case consultation's table changed")
        body = _(
            "The composition of the case consultation's table changed. "
            "Sign in to Samen to see what changed."
        )
    for address in addresses:
        try:
            send_mail(subject, body, None, [address])
        except Exception:  # the notice is in the app already; a mail server is no reason to fail
            logger.exception("A notice of the case consultation's table could not be mailed.")
