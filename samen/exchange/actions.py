"""Every write to exchanges and circulars: each a named action with its audit records.

Everything is checked before the first write, and a refusal changes nothing. Free text goes
through the personal-data text guard: exchanges and circulars never carry personal
identifiers, nor case references.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.core.follow_ups import reference_url
from samen.exchange import events, notices
from samen.exchange.access import (
    check_may_open_exchange,
    check_may_send_circular,
    circular_sender_organisations,
    city_organisations,
    is_city_organisation,
    other_level_organisations,
    reader_of,
    receiving_organisations,
    sending_organisations,
    sends_on_behalf,
    token_may_open,
    token_reader,
)
from samen.exchange.files import check_upload, sha256_of
from samen.exchange.models import Attachment, Circular, CircularRecipient, Exchange, Message
from samen.people.models import Organisation, Team, User
from samen.people.roles import Role
from samen.places.models import Place
from samen.privacy.text_guard import check_text

# What an exchange may be about; a case of the case consultation never (its exchanges stay
# inside it).
REFERENCE_KINDS = ("signal", "initiative", "action", "report")
LONGEST_SUBJECT = 200
LONGEST_BODY = 5000
READ_REMINDER_HOURS = (4, 24, 48, 72, 168)


def _guarded(errors: FieldErrors, name: str, text: str, *, longest: int, required: str) -> str:
    text = (text or "").strip()
    if not text:
        errors.add(name, required)
        return text
    if len(text) > longest:
        errors.add(name, _("Keep it under %(n)s characters.") % {"n": longest})
    try:
        check_text(name, text)
    except ValidationError as refused:
        errors.add(name, *refused.messages)
    return text


def check_references(errors: FieldErrors, by, references: list[str]) -> list[str]:
    """The references, each one this person may open; a case's never."""
    kept: list[str] = []
    for raw in references:
        reference = raw.strip()
        if not reference:
            continue
        kind, _sep, identifier = reference.partition(":")
        if kind.strip().lower() == "case":
            errors.add(
                "references", _("An exchange never refers to a case of the case consultation.")
            )
            continue
        if kind not in REFERENCE_KINDS or not identifier.isdigit():
            errors.add(
                "references",
                _("“%(ref)s” is not a reference such as signal:12 or initiative:3.")
                % {"ref": reference[:40]},
            )
            continue
        if reference_url(by, reference) is None:
            errors.add(
                "references",
                _("“%(ref)s” is not a record you may open.") % {"ref": reference[:40]},
            )
            continue
        if reference not in kept:
            kept.append(reference)
    try:
        check_text("references", " ".join(kept))
    except ValidationError as refused:
        errors.add("references", *refused.messages)
    return kept


def _district(errors: FieldErrors, name: str, district, organisation) -> None:
    if district is None:
        return
    if district.kind != Place.Kind.DISTRICT:
        errors.add(name, _("Choose a district."))
    elif organisation is not None and not is_city_organisation(organisation):
        errors.add(name, _("Only the city's side of an exchange has a district."))


@dataclass
class ExchangeFields:
    kind: str
    subject: str
    from_organisation: Organisation | None
    to_organisation: Organisation | None
    body: str
    from_district: Place | None = None
    to_district: Place | None = None
    due_on: datetime.date | None = None
    references: list[str] = field(default_factory=list)


def _check_exchange(by, fields: ExchangeFields, token=None) -> None:
    errors = FieldErrors()
    if fields.kind not in Exchange.Kind.values:
        errors.add("kind", _("Choose request, information or feedback."))
    fields.subject = _guarded(
        errors, "subject", fields.subject, longest=LONGEST_SUBJECT, required=_("Give a subject.")
    )
    fields.body = _guarded(
        errors, "body", fields.body, longest=LONGEST_BODY, required=_("Write the message.")
    )
    sender = fields.from_organisation
    senders = (
        Organisation.objects.filter(pk=token.organisation_id)
        if token is not None
        else sending_organisations(by)
    )
    if sender is None or not senders.filter(pk=sender.pk).exists():
        errors.add("from_organisation", _("Choose an organisation you work for."))
    receiver = fields.to_organisation
    receivers = city_organisations() if token is not None else receiving_organisations(by)
    if receiver is None or not receivers.filter(pk=receiver.pk).exists():
        errors.add(
            "to_organisation",
            _("Choose an organisation on the other side: the city, or a partner at another level."),
        )
    if by is not None and by.role == Role.DISTRICT_COORDINATOR:
        # A coordinator speaks for their own district only.
        fields.from_district = by.home_district
    _district(errors, "from_district", fields.from_district, sender)
    _district(errors, "to_district", fields.to_district, receiver)
    if fields.due_on is not None and fields.due_on < timezone.localdate():
        errors.add("due_on", _("The answer cannot be due in the past."))
    if token is not None and fields.references:
        # A reference must resolve for the person adding it: a token is no person.
        errors.add("references", _("References are added by a person, in Samen."))
    else:
        fields.references = check_references(errors, by, fields.references)
    errors.raise_if_any()


def _next_number(exchange: Exchange) -> int:
    return (exchange.messages.aggregate(last=Max("number"))["last"] or 0) + 1


def _write(
    exchange: Exchange, *, by, side: str, body: str, is_answer: bool = False, token=None
) -> Message:
    return Message.objects.create(
        exchange=exchange,
        number=_next_number(exchange),
        side=side,
        is_answer=is_answer,
        author=by,
        partner_token=token,
        body=body,
    )


def _reader(by, exchange: Exchange, token):
    return token_reader(token, exchange) if token is not None else reader_of(by, exchange)


@action
def exchange_open(*, by, fields: ExchangeFields, token=None) -> Exchange:
    """Send a request, a piece of information or a feedback to an organisation on the other
    side, with its first message; by a person, or (by=None) through a partner's API token."""
    if token is None:
        check_may_open_exchange(by)
    elif not token_may_open(token):
        raise PermissionDenied
    _check_exchange(by, fields, token)
    exchange = Exchange.objects.create(
        kind=fields.kind,
        subject=fields.subject,
        from_organisation=fields.from_organisation,
        from_district=fields.from_district,
        to_organisation=fields.to_organisation,
        to_district=fields.to_district,
        due_on=fields.due_on,
        references=fields.references,
        created_by=by,
        partner_token=token,
    )
    _write(exchange, by=by, side=Message.Side.SENDER, body=fields.body, token=token)
    notices.notify_waiting(exchange, by=by)
    events.publish_received(exchange)
    return exchange


def _checked_body(body: str) -> str:
    errors = FieldErrors()
    body = _guarded(errors, "body", body, longest=LONGEST_BODY, required=_("Write the message."))
    errors.raise_if_any()
    return body


def _locked(exchange: Exchange) -> Exchange:
    """The exchange read again under a row lock, so two answers cannot cross."""
    return (
        Exchange.objects.select_for_update()
        .select_related("from_organisation", "to_organisation")
        .get(pk=exchange.pk)
    )


@action
def exchange_reply(*, by, exchange: Exchange, body: str, token=None) -> Message:
    """Answer an exchange for the receiving organisation: the sender sees it as the feedback."""
    exchange = _locked(exchange)
    if not _reader(by, exchange, token).may_reply:
        raise PermissionDenied
    body = _checked_body(body)
    message = _write(
        exchange, by=by, side=Message.Side.RECEIVER, body=body, is_answer=True, token=token
    )
    exchange.status = Exchange.Status.ANSWERED
    exchange.answered_at = timezone.now()
    exchange.save(update_fields=["status", "answered_at", "updated_at"])
    notices.notify_answered(exchange, by=by)
    events.publish_answered(exchange)
    return message


@action
def exchange_message(*, by, exchange: Exchange, body: str, token=None) -> Message:
    """Add a follow-up message, by either side, until the exchange ended."""
    exchange = _locked(exchange)
    reader = _reader(by, exchange, token)
    if not reader.may_write:
        raise PermissionDenied
    return _write(exchange, by=by, side=reader.side, body=_checked_body(body), token=token)


@action
def exchange_close_without_answer(*, by, exchange: Exchange) -> Exchange:
    """Close an open exchange that will get no answer (either side)."""
    exchange = _locked(exchange)
    if not reader_of(by, exchange).may_close:
        raise PermissionDenied
    exchange.status = Exchange.Status.CLOSED_NO_ANSWER
    exchange.closed_at = timezone.now()
    exchange.save(update_fields=["status", "closed_at", "updated_at"])
    return exchange


@action
def exchange_withdraw(*, by, exchange: Exchange) -> Exchange:
    """Withdraw an open exchange (the sending side)."""
    exchange = _locked(exchange)
    if not reader_of(by, exchange).may_withdraw:
        raise PermissionDenied
    exchange.status = Exchange.Status.WITHDRAWN
    exchange.closed_at = timezone.now()
    exchange.save(update_fields=["status", "closed_at", "updated_at"])
    return exchange


@action
def attachment_add(*, by, exchange: Exchange, upload) -> Attachment:
    """Attach a PDF or ODT document to an exchange (either side, until it ended)."""
    if not reader_of(by, exchange).may_write:
        raise PermissionDenied
    name = check_upload(upload)
    attachment = Attachment(
        exchange=exchange,
        original_name=name,
        size=upload.size,
        sha256=sha256_of(upload),
        added_by=by,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment


@action
def overdue_exchanges_notify(*, by) -> int:
    """Notify both sides of every exchange past its answer date; again the next night changes
    nothing for the same exchange and date. Returns the notifications made."""
    return sum(len(notices.notify_overdue(exchange)) for exchange in notices.overdue_exchanges())


# --- Circulars ---------------------------------------------------------------------------------


@dataclass
class CircularFields:
    kind: str
    title: str
    body: str
    sender_organisation: Organisation | None
    read_reminder_hours: int
    on_behalf_of: Organisation | None = None
    threat_level: int | None = None
    districts: list[Place] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


def _check_circular(by, fields: CircularFields) -> None:
    errors = FieldErrors()
    if fields.kind not in Circular.Kind.values:
        errors.add("kind", _("Choose circular or alert."))
    fields.title = _guarded(
        errors, "title", fields.title, longest=LONGEST_SUBJECT, required=_("Give a title.")
    )
    fields.body = _guarded(
        errors, "body", fields.body, longest=LONGEST_BODY, required=_("Write the text.")
    )
    sender = fields.sender_organisation
    if sender is None or not circular_sender_organisations(by).filter(pk=sender.pk).exists():
        errors.add("sender_organisation", _("Choose an organisation you work for."))
    if sends_on_behalf(by):
        behalf = fields.on_behalf_of
        if behalf is None or not other_level_organisations().filter(pk=behalf.pk).exists():
            errors.add(
                "on_behalf_of",
                _("Choose the federal, Flemish or Walloon organisation it is sent for."),
            )
    else:
        fields.on_behalf_of = None
    if fields.threat_level is not None and fields.threat_level not in Circular.ThreatLevel.values:
        errors.add("threat_level", _("The national threat level is 1, 2, 3 or 4."))
    if any(d.kind != Place.Kind.DISTRICT for d in fields.districts):
        errors.add("districts", _("Choose districts."))
    if any(role not in Role.values for role in fields.roles):
        errors.add("roles", _("Choose roles from the list."))
    if not (fields.districts or fields.teams or fields.roles):
        errors.add("districts", _("Choose the districts, teams or roles it is for."))
    if fields.read_reminder_hours not in READ_REMINDER_HOURS:
        errors.add("read_reminder_hours", _("Choose when to see who has not read it."))
    errors.raise_if_any()


def audience(fields: CircularFields):
    """The people a circular goes to: those of the chosen districts and teams (all of them, or
    only those in the chosen roles), or, without districts or teams, everyone in the chosen
    roles; the city's active staff only, never partners at other levels."""
    people = User.objects.filter(is_active=True).exclude(role=Role.PARTNER_PROFESSIONAL)
    if fields.districts or fields.teams:
        places = Q(home_district__in=fields.districts) | Q(team__district__in=fields.districts)
        people = people.filter(places | Q(team__in=fields.teams))
    if fields.roles:
        people = people.filter(role__in=fields.roles)
    return people.distinct()


@action
def circular_send(*, by, fields: CircularFields) -> Circular:
    """Send a circular or an alert; its recipients are fixed now, from its audience."""
    check_may_send_circular(by)
    _check_circular(by, fields)
    recipients = list(audience(fields).values_list("pk", flat=True))
    if not recipients:
        errors = FieldErrors()
        errors.add(
            "districts", _("Nobody is in that audience. Choose other districts, teams or roles.")
        )
        errors.raise_if_any()
    circular = Circular.objects.create(
        sender_organisation=fields.sender_organisation,
        on_behalf_of=fields.on_behalf_of,
        kind=fields.kind,
        title=fields.title,
        body=fields.body,
        threat_level=fields.threat_level,
        roles=sorted(fields.roles),
        read_reminder_hours=fields.read_reminder_hours,
        sent_by=by,
    )
    circular.districts.set(fields.districts)
    circular.teams.set(fields.teams)
    for person_pk in recipients:
        CircularRecipient.objects.create(circular=circular, person_id=person_pk)
    notices.notify_circular(circular)
    return circular


@action
def circular_mark_read(*, by, circular: Circular) -> CircularRecipient:
    """Mark a circular read by one of its recipients (once: the first reading stands)."""
    receipt = (
        CircularRecipient.objects.select_for_update().filter(circular=circular, person=by).first()
    )
    if receipt is None or not by.is_active:
        raise PermissionDenied
    if receipt.read_at is None:
        receipt.read_at = timezone.now()
        receipt.save(update_fields=["read_at"])
    return receipt
