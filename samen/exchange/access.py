"""Who sees and who acts on exchanges and circulars.

An exchange is seen by the two organisations it is between, and by nobody else:

- a partner professional sees it while a member of the organisation on one side;
- on the city's side (the department, a district house) the district rule holds: district
  coordinators and frontline workers see the city's side of their own home district only;
  the department's policy analysts see every exchange the city takes part in; the city's
  other staff see those of the organisations they are members of;
- anybody else gets 404, the same as for an exchange that does not exist.

Those who act on one (open, answer, write, close, withdraw, attach) are the policy analysts,
the district coordinators and the partner professionals on a side of it; the receiving side
answers, the sending side withdraws.

A circular is seen by its recipients (fixed when it was sent) and by its sender's side: the
organisation that sent it and the one it was sent on behalf of, under the same district rule.
Only the sender's side sees who has read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from samen.exchange.models import Attachment, Circular, CircularRecipient, Exchange, Message
from samen.people.models import Organisation, OrganisationMembership, PolicyLevel
from samen.people.roles import DISTRICT_ROLES, Role
from samen.places.models import Place

CITY_LEVELS = (PolicyLevel.MUNICIPAL, PolicyLevel.DISTRICT)
# The levels a circular comes down from, and the city's exchanges go to.
OTHER_LEVELS = (PolicyLevel.FEDERAL, PolicyLevel.FLEMISH, PolicyLevel.WALLOON)
ACTING_ROLES = frozenset(
    {Role.POLICY_ANALYST, Role.DISTRICT_COORDINATOR, Role.PARTNER_PROFESSIONAL}
)
ON_BEHALF_ROLES = frozenset({Role.POLICY_ANALYST, Role.ADMINISTRATOR})
# Which messages change nothing further once the exchange reached these.
ENDED = (Exchange.Status.CLOSED_NO_ANSWER, Exchange.Status.WITHDRAWN)


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def organisation_ids(user) -> frozenset[int]:
    """The organisations this person is a member of (asked once per request's user object)."""
    if not _active(user):
        return frozenset()
    cached = getattr(user, "exchange_organisation_ids", None)
    if cached is None:
        cached = frozenset(
            OrganisationMembership.objects.filter(
                user=user, organisation__is_active=True
            ).values_list("organisation_id", flat=True)
        )
        user.exchange_organisation_ids = cached
    return cached


def is_city_organisation(organisation: Organisation) -> bool:
    """The department or a district house: the city's own side of an exchange."""
    return (
        organisation.sector == Organisation.Sector.CITY and organisation.policy_level in CITY_LEVELS
    )


def city_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        is_active=True, sector=Organisation.Sector.CITY, policy_level__in=CITY_LEVELS
    )


def other_level_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True, policy_level__in=OTHER_LEVELS)


# --- One side of an exchange or a circular --------------------------------------------------------


def _side_q(user, organisation: str, district: str | None) -> Q:
    """The records whose `organisation` (and `district`) side this person is on, as a filter."""
    nothing = Q(pk__in=[])
    if not _active(user):
        return nothing
    member = Q(**{f"{organisation}__in": organisation_ids(user)})
    city = Q(
        **{
            f"{organisation}__sector": Organisation.Sector.CITY,
            f"{organisation}__policy_level__in": CITY_LEVELS,
        }
    )
    if user.role == Role.PARTNER_PROFESSIONAL:
        return member
    if user.role == Role.POLICY_ANALYST:
        return member | city
    if user.role in DISTRICT_ROLES:
        if district is None or user.home_district_id is None:
            return member & ~city
        return (city & Q(**{district: user.home_district_id})) | (member & ~city)
    return member


def _on_side(user, organisation: Organisation, district_id: int | None) -> bool:
    """`_side_q` for one record already in hand."""
    if not _active(user):
        return False
    member = organisation.pk in organisation_ids(user)
    city = is_city_organisation(organisation)
    if user.role == Role.PARTNER_PROFESSIONAL:
        return member
    if user.role == Role.POLICY_ANALYST:
        return member or city
    if user.role in DISTRICT_ROLES:
        if city:
            return district_id is not None and district_id == user.home_district_id
        return member
    return member


# --- Exchanges ---------------------------------------------------------------------------------


def _exchanges() -> QuerySet[Exchange]:
    return Exchange.objects.select_related(
        "from_organisation", "from_district", "to_organisation", "to_district", "created_by"
    )


def received_exchanges(user) -> QuerySet[Exchange]:
    return _exchanges().filter(_side_q(user, "to_organisation", "to_district_id"))


def sent_exchanges(user) -> QuerySet[Exchange]:
    return _exchanges().filter(_side_q(user, "from_organisation", "from_district_id"))


def visible_exchanges(user) -> QuerySet[Exchange]:
    return _exchanges().filter(
        _side_q(user, "to_organisation", "to_district_id")
        | _side_q(user, "from_organisation", "from_district_id")
    )


@dataclass(frozen=True)
class ExchangeForReader:
    """An exchange with what this reader may do with it."""

    exchange: Exchange
    side: str | None  # Message.Side, or None for a reader on neither side (none get one)
    acts: bool

    @property
    def is_receiver(self) -> bool:
        return self.side == Message.Side.RECEIVER

    @property
    def is_sender(self) -> bool:
        return self.side == Message.Side.SENDER

    @property
    def may_reply(self) -> bool:
        return self.acts and self.is_receiver and self.exchange.status == Exchange.Status.OPEN

    @property
    def may_write(self) -> bool:
        """A follow-up message or an attachment, by either side, until it ended."""
        return self.acts and self.side is not None and self.exchange.status not in ENDED

    @property
    def may_close(self) -> bool:
        return self.acts and self.side is not None and self.exchange.status == Exchange.Status.OPEN

    @property
    def may_withdraw(self) -> bool:
        return self.acts and self.is_sender and self.exchange.status == Exchange.Status.OPEN


def reader_of(user, exchange: Exchange) -> ExchangeForReader:
    """This person's side of an exchange they may see (PermissionDenied when on neither)."""
    if _on_side(user, exchange.to_organisation, exchange.to_district_id):
        side = Message.Side.RECEIVER
    elif _on_side(user, exchange.from_organisation, exchange.from_district_id):
        side = Message.Side.SENDER
    else:
        raise PermissionDenied
    return ExchangeForReader(exchange, side, user.role in ACTING_ROLES)


def get_exchange_for_user(user, pk: int) -> ExchangeForReader:
    """An exchange this person may see, with what they may do (404 when absent or forbidden)."""
    exchange = get_object_or_404(visible_exchanges(user), pk=pk)
    return reader_of(user, exchange)


# --- A partner organisation's system, through its API token ------------------------------------
# A token stands for its organisation, not for a person: it sees the exchanges that
# organisation is a side of, and acts for it.


def exchanges_of_organisation(organisation) -> QuerySet[Exchange]:
    return _exchanges().filter(Q(from_organisation=organisation) | Q(to_organisation=organisation))


def token_reader(token, exchange: Exchange) -> ExchangeForReader:
    """The token's organisation's side of an exchange (PermissionDenied when on neither)."""
    if exchange.to_organisation_id == token.organisation_id:
        side = Message.Side.RECEIVER
    elif exchange.from_organisation_id == token.organisation_id:
        side = Message.Side.SENDER
    else:
        raise PermissionDenied
    return ExchangeForReader(exchange, side, acts=True)


def get_exchange_for_token(token, pk: int) -> ExchangeForReader:
    """An exchange of the token's organisation (404 when absent or another's)."""
    exchange = get_object_or_404(exchanges_of_organisation(token.organisation), pk=pk)
    return token_reader(token, exchange)


def token_may_open(token) -> bool:
    """Only organisations at another level open exchanges through a token (to the city)."""
    organisation = token.organisation
    return organisation.is_active and organisation.policy_level in OTHER_LEVELS


def circulars_of_organisation(organisation) -> QuerySet[Circular]:
    """The circulars an organisation sent, or that were sent on its behalf."""
    return Circular.objects.filter(
        Q(sender_organisation=organisation) | Q(on_behalf_of=organisation)
    ).select_related("sender_organisation", "on_behalf_of")


def get_attachment_for_user(user, pk: int, attachment_pk: int) -> Attachment:
    """An attachment of an exchange this person may see (404 when absent or forbidden)."""
    reader = get_exchange_for_user(user, pk)
    return get_object_or_404(Attachment.objects.filter(exchange=reader.exchange), pk=attachment_pk)


def sending_organisations(user) -> QuerySet[Organisation]:
    """The organisations this person may open an exchange from."""
    if not _active(user) or user.role not in ACTING_ROLES:
        return Organisation.objects.none()
    mine = Organisation.objects.filter(pk__in=organisation_ids(user), is_active=True)
    if user.role == Role.PARTNER_PROFESSIONAL:
        return mine.filter(policy_level__in=OTHER_LEVELS)
    if user.role == Role.DISTRICT_COORDINATOR and user.home_district_id is None:
        return Organisation.objects.none()
    return mine.filter(sector=Organisation.Sector.CITY, policy_level__in=CITY_LEVELS)


def receiving_organisations(user) -> QuerySet[Organisation]:
    """The organisations this person may send an exchange to: the other side of the city."""
    if user.role == Role.PARTNER_PROFESSIONAL:
        return city_organisations()
    return other_level_organisations()


def may_open_exchange(user) -> bool:
    return sending_organisations(user).exists()


def check_may_open_exchange(user) -> None:
    if not may_open_exchange(user):
        raise PermissionDenied


def district_choices() -> QuerySet[Place]:
    districts = Place.objects.current().filter(kind=Place.Kind.DISTRICT).without_boundary()
    return districts.order_by("name_nl")


# --- Circulars ---------------------------------------------------------------------------------


def circular_sender_organisations(user) -> QuerySet[Organisation]:
    """The organisations this person may send a circular from.

    Partner professionals of a federal, Flemish or Walloon organisation send as it; the
    department's policy analysts and administrators send from the city's organisation, always
    on behalf of one of those (circular_on_behalf_choices).
    """
    if not _active(user):
        return Organisation.objects.none()
    mine = Organisation.objects.filter(pk__in=organisation_ids(user), is_active=True)
    if user.role == Role.PARTNER_PROFESSIONAL:
        return mine.filter(policy_level__in=OTHER_LEVELS)
    if user.role in ON_BEHALF_ROLES:
        return mine.filter(sector=Organisation.Sector.CITY, policy_level__in=CITY_LEVELS)
    return Organisation.objects.none()


def sends_on_behalf(user) -> bool:
    return user.role in ON_BEHALF_ROLES


def may_send_circular(user) -> bool:
    return circular_sender_organisations(user).exists()


def check_may_send_circular(user) -> None:
    if not may_send_circular(user):
        raise PermissionDenied


def _circular_sender_q(user) -> Q:
    return (
        _side_q(user, "sender_organisation", None)
        | _side_q(user, "on_behalf_of", None)
        | Q(sent_by=user)
    )


def visible_circulars(user) -> QuerySet[Circular]:
    if not _active(user):
        return Circular.objects.none()
    ids = Circular.objects.filter(_circular_sender_q(user) | Q(recipients__person=user)).values(
        "pk"
    )
    return Circular.objects.filter(pk__in=ids).select_related(
        "sender_organisation", "on_behalf_of", "sent_by"
    )


def received_circulars(user) -> QuerySet[CircularRecipient]:
    """This person's own receipts of circulars, newest first."""
    if not _active(user):
        return CircularRecipient.objects.none()
    return (
        CircularRecipient.objects.filter(person=user)
        .select_related("circular", "circular__sender_organisation", "circular__on_behalf_of")
        .order_by("-circular__sent_at", "-pk")
    )


@dataclass(frozen=True)
class CircularForReader:
    """A circular with this reader's receipt (if they received it) and whether they sent it."""

    circular: Circular
    receipt: CircularRecipient | None
    is_sender_side: bool


def get_circular_for_user(user, pk: int) -> CircularForReader:
    """A circular this person received or sent (404 when absent or forbidden)."""
    circular = get_object_or_404(visible_circulars(user), pk=pk)
    receipt = CircularRecipient.objects.filter(circular=circular, person=user).first()
    is_sender_side = (
        circular.sent_by_id == user.pk
        or _on_side(user, circular.sender_organisation, None)
        or (circular.on_behalf_of is not None and _on_side(user, circular.on_behalf_of, None))
    )
    return CircularForReader(circular, receipt, is_sender_side)
