"""What exchanges and circulars notify, and to whom (samen.notifications).

- "exchange.waiting": a new exchange, to the people who may answer it for the receiving side;
- "exchange.answered": the answer, to the people of the sending side;
- "exchange.overdue": an answer past its date, to both sides, once per exchange and date
  (the nightly scan's idempotent key);
- "circular.received": a circular, to each of its recipients.

Only people who may open the exchange or the circular are notified; the texts carry the
subject and the organisations, which hold no personal data (the text guard saw to it).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.exchange.access import ACTING_ROLES, is_city_organisation
from samen.exchange.models import Circular, Exchange
from samen.notifications import Kind, add_kind, notify
from samen.people.models import User
from samen.people.roles import Role

WAITING = "exchange.waiting"
ANSWERED = "exchange.answered"
OVERDUE = "exchange.overdue"
CIRCULAR = "circular.received"


def _may_exchange(person) -> bool:
    return person.role in ACTING_ROLES


def register_kinds() -> None:
    """Called from ExchangeConfig.ready()."""
    add_kind(
        Kind(
            WAITING,
            label=_("An exchange waits for your organisation's answer"),
            text=_("%(organisation)s asks %(to)s: %(subject)s"),
            audience=_may_exchange,
        )
    )
    add_kind(
        Kind(
            ANSWERED,
            label=_("An exchange you sent is answered"),
            text=_("%(organisation)s answered: %(subject)s"),
            audience=_may_exchange,
        )
    )
    add_kind(
        Kind(
            OVERDUE,
            label=_("An exchange is past its answer date"),
            text=_("No answer yet, due %(due_on)s: %(subject)s"),
            default="daily",
            audience=_may_exchange,
        )
    )
    add_kind(
        Kind(
            CIRCULAR,
            label=_("A circular or an alert for you"),
            text=_("%(organisation)s: %(title)s"),
        )
    )


def people_on_side(organisation, district_id: int | None) -> QuerySet[User]:
    """The people who act for one side of an exchange (access._on_side, for those who act)."""
    acting = User.objects.filter(is_active=True, role__in=ACTING_ROLES)
    member = Q(memberships__organisation=organisation)
    if not is_city_organisation(organisation):
        return acting.filter(member).distinct()
    city = Q(role=Role.POLICY_ANALYST) | (Q(role=Role.PARTNER_PROFESSIONAL) & member)
    if district_id is not None:
        city |= Q(role=Role.DISTRICT_COORDINATOR, home_district_id=district_id)
    return acting.filter(city).distinct()


def _url(exchange: Exchange) -> str:
    return reverse("exchange:exchange", args=[exchange.pk])


def notify_waiting(exchange: Exchange, *, by) -> list:
    people = people_on_side(exchange.to_organisation, exchange.to_district_id)
    if by is not None:
        people = people.exclude(pk=by.pk)
    return notify(
        WAITING,
        recipients=people,
        params={
            "organisation": exchange.from_organisation.name,
            "to": exchange.to_organisation.name,
            "subject": exchange.subject,
        },
        url=_url(exchange),
        key=f"exchange-{exchange.pk}",
    )


def notify_answered(exchange: Exchange, *, by) -> list:
    people = people_on_side(exchange.from_organisation, exchange.from_district_id)
    if by is not None:
        people = people.exclude(pk=by.pk)
    return notify(
        ANSWERED,
        recipients=people,
        params={"organisation": exchange.to_organisation.name, "subject": exchange.subject},
        url=_url(exchange),
        key=f"exchange-{exchange.pk}",
    )


def notify_overdue(exchange: Exchange) -> list:
    sides = people_on_side(exchange.to_organisation, exchange.to_district_id) | people_on_side(
        exchange.from_organisation, exchange.from_district_id
    )
    return notify(
        OVERDUE,
        recipients=sides.distinct(),
        params={"subject": exchange.subject, "due_on": exchange.due_on.isoformat()},
        url=_url(exchange),
        key=f"exchange-{exchange.pk}-{exchange.due_on.isoformat()}",
    )


def overdue_exchanges() -> QuerySet[Exchange]:
    return Exchange.objects.filter(
        status=Exchange.Status.OPEN, due_on__lt=timezone.localdate()
    ).select_related("from_organisation", "to_organisation")


def notify_circular(circular: Circular) -> list:
    return notify(
        CIRCULAR,
        recipients=User.objects.filter(circulars_received__circular=circular),
        params={"organisation": circular.issuer.name, "title": circular.title},
        url=reverse("exchange:circular", args=[circular.pk]),
        key=f"circular-{circular.pk}",
    )
