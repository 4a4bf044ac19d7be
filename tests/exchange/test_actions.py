"""Every write to exchanges and circulars: its audit record, its checks, and that bad input
changes nothing."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.exchange import actions as act
from samen.exchange.models import Attachment, Circular, CircularRecipient, Exchange, Message
from samen.people.roles import Role
from tests.exchange.conftest import audited, open_exchange
from tests.exchange.test_circular_views import send_circular

pytestmark = pytest.mark.django_db
UPDATE = LogEntry.Action.UPDATE


def refused(call, **kwargs) -> dict:
    with pytest.raises(ValidationError) as refusal:
        call(**kwargs)
    return refusal.value.message_dict


# --- Opening ------------------------------------------------------------------------------------


def test_a_partner_opens_an_exchange_with_its_first_message(world, personas, to_borgerhout):
    assert to_borgerhout.status == Exchange.Status.OPEN
    first = to_borgerhout.messages.get()
    assert (first.number, first.side, first.author) == (1, "sender", world.federal_partner)
    assert audited(to_borgerhout, world.federal_partner)
    assert audited(first, world.federal_partner)


def test_a_coordinator_speaks_for_their_own_district(world, personas):
    exchange = open_exchange(
        personas.coordinator,
        sender=world.department,
        receiver=world.flemish,
        from_district=personas.berchem,
    )
    assert exchange.from_district == personas.borgerhout


def test_identifiers_in_any_text_are_refused_and_nothing_is_written(world):
    before = AuditRecord.objects.count()
    errors = refused(
        open_exchange,
        by=world.federal_partner,
        sender=world.federal,
        receiver=world.department,
        subject="Dossier jan.peeters@example.be",
        body="Bel hem op 0470 12 34 56.",
    )
    assert set(errors) == {"subject", "body"}
    assert not Exchange.objects.exists() and not Message.objects.exists()
    assert AuditRecord.objects.count() == before


def test_case_references_are_refused_always(world, personas):
    errors = refused(
        open_exchange,
        by=personas.analyst,
        sender=world.department,
        receiver=world.federal,
        references=["case:1"],
    )
    assert errors["references"] == ["An exchange never refers to a case of the case consultation."]
    assert not Exchange.objects.exists()


def test_a_reference_must_resolve_for_the_person_adding_it(world, personas):
    errors = refused(
        open_exchange,
        by=personas.analyst,
        sender=world.department,
        receiver=world.federal,
        references=["signal:999", "mediation:1", "nonsense"],
    )
    assert len(errors["references"]) == 3
    assert not Exchange.objects.exists()


def test_sides_are_the_city_and_another_level(world, personas):
    errors = refused(
        open_exchange,
        by=world.federal_partner,
        sender=world.department,  # not theirs
        receiver=world.flemish,  # not the city
        due_in=-1,
    )
    assert set(errors) == {"from_organisation", "to_organisation", "due_on"}
    with pytest.raises(PermissionDenied):
        open_exchange(world.outsider, sender=world.federal, receiver=world.department)
    with pytest.raises(PermissionDenied):
        open_exchange(personas.frontline, sender=world.department, receiver=world.federal)


# --- Answering and after ------------------------------------------------------------------------


def test_the_receiver_answers_and_the_sender_sees_the_feedback(world, personas, to_borgerhout):
    answer = act.exchange_reply(
        by=personas.coordinator, exchange=to_borgerhout, body="De cijfers zitten in bijlage."
    )
    to_borgerhout.refresh_from_db()
    assert to_borgerhout.status == Exchange.Status.ANSWERED
    assert answer.is_answer and answer.side == "receiver" and answer.number == 2
    assert audited(answer, personas.coordinator)
    assert audited(to_borgerhout, personas.coordinator, action=UPDATE)
    with pytest.raises(PermissionDenied):  # answered once
        act.exchange_reply(by=personas.coordinator, exchange=to_borgerhout, body="Nog eens.")


def test_the_sender_cannot_answer_their_own_question(world, to_borgerhout):
    with pytest.raises(PermissionDenied):
        act.exchange_reply(by=world.federal_partner, exchange=to_borgerhout, body="Zelf.")


def test_either_side_writes_follow_up_messages_in_order(world, personas, to_borgerhout):
    act.exchange_message(by=world.federal_partner, exchange=to_borgerhout, body="Aanvulling.")
    act.exchange_message(by=personas.analyst, exchange=to_borgerhout, body="Ontvangen.")
    numbers = list(to_borgerhout.messages.values_list("number", "side"))
    assert numbers == [(1, "sender"), (2, "sender"), (3, "receiver")]
    with pytest.raises(PermissionDenied):
        act.exchange_message(by=personas.frontline, exchange=to_borgerhout, body="Lezen mag.")


def test_a_refused_message_changes_nothing(world, to_borgerhout):
    errors = refused(
        act.exchange_message,
        by=world.federal_partner,
        exchange=to_borgerhout,
        body="Rekening BE68 5390 0754 7034.",
    )
    assert "body" in errors
    assert to_borgerhout.messages.count() == 1


def test_closing_without_answer(world, personas, to_borgerhout):
    act.exchange_close_without_answer(by=personas.coordinator, exchange=to_borgerhout)
    to_borgerhout.refresh_from_db()
    assert to_borgerhout.status == Exchange.Status.CLOSED_NO_ANSWER
    assert audited(to_borgerhout, personas.coordinator, action=UPDATE)
    with pytest.raises(PermissionDenied):  # ended: nothing more is written
        act.exchange_message(by=world.federal_partner, exchange=to_borgerhout, body="Toch?")


def test_only_the_sender_withdraws(world, personas, to_borgerhout):
    with pytest.raises(PermissionDenied):
        act.exchange_withdraw(by=personas.coordinator, exchange=to_borgerhout)
    act.exchange_withdraw(by=world.federal_partner, exchange=to_borgerhout)
    to_borgerhout.refresh_from_db()
    assert to_borgerhout.status == Exchange.Status.WITHDRAWN
    assert audited(to_borgerhout, world.federal_partner, action=UPDATE)


def test_an_attachment_is_added_by_a_side(world, personas, to_borgerhout, pdf_upload):
    attachment = act.attachment_add(
        by=personas.coordinator, exchange=to_borgerhout, upload=pdf_upload("cijfers.pdf")
    )
    assert attachment.original_name == "cijfers.pdf"
    assert len(attachment.sha256) == 64
    assert audited(attachment, personas.coordinator)
    with pytest.raises(PermissionDenied):
        act.attachment_add(
            by=world.outsider, exchange=to_borgerhout, upload=pdf_upload("ander.pdf")
        )


def test_a_refused_attachment_is_not_kept(world, to_borgerhout, pdf_upload):
    fake = pdf_upload("script.pdf", content=b"<script>alert(1)</script>")
    errors = refused(
        act.attachment_add, by=world.federal_partner, exchange=to_borgerhout, upload=fake
    )
    assert errors == {"file": ["Upload a PDF or an ODT text document."]}
    assert not Attachment.objects.exists()


def test_overdue_exchanges_are_notified_once_per_date(world, personas, to_borgerhout):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=10)):
        first = act.overdue_exchanges_notify(by=None)
        again = act.overdue_exchanges_notify(by=None)
    # The federal partner (sender), the analyst and Borgerhout's coordinator (receiver).
    assert first == 3
    assert again == 0


# --- Circulars ----------------------------------------------------------------------------------


def test_a_circular_is_sent_to_its_audience_fixed_at_sending(world, personas):
    circular = send_circular(
        world.flemish_partner, world.flemish, [personas.borgerhout], roles=[Role.FRONTLINE_WORKER]
    )
    assert list(circular.recipients.values_list("person__email", flat=True)) == [
        personas.frontline.email
    ]
    assert audited(circular, world.flemish_partner)
    assert audited(circular.recipients.get(), world.flemish_partner)


def test_roles_alone_reach_them_city_wide(world, personas):
    errors = refused(
        send_circular,
        by=world.flemish_partner,
        organisation=world.flemish,
        districts=[],
        roles=["nobody"],
    )
    assert "roles" in errors
    circular = send_circular(world.flemish_partner, world.flemish, [], roles=[Role.POLICY_ANALYST])
    assert list(circular.recipients.values_list("person", flat=True)) == [personas.analyst.pk]


def test_the_department_sends_on_behalf_of_a_partner(world, personas):
    with pytest.raises(ValidationError):
        send_circular(personas.analyst, world.department, [personas.berchem])
    circular = send_circular(
        personas.analyst, world.department, [personas.berchem], on_behalf_of=world.federal
    )
    assert circular.issuer == world.federal
    assert circular.recipients.get().person == personas.other_frontline


def test_a_circular_with_identifiers_or_without_audience_changes_nothing(world):
    errors = refused(
        send_circular,
        by=world.flemish_partner,
        organisation=world.flemish,
        districts=[],
        body="Mail naar an.peeters@example.be voor de lijst.",
    )
    assert set(errors) == {"body", "districts"}
    assert not Circular.objects.exists() and not CircularRecipient.objects.exists()


def test_who_may_not_send_a_circular(world, personas):
    for person in (personas.coordinator, world.outsider):
        with pytest.raises(PermissionDenied):
            send_circular(person, world.department, [personas.borgerhout])


def test_marking_read_counts_the_first_reading_only(world, personas):
    circular = send_circular(world.flemish_partner, world.flemish, [personas.borgerhout])
    first = act.circular_mark_read(by=personas.coordinator, circular=circular)
    again = act.circular_mark_read(by=personas.coordinator, circular=circular)
    assert first.read_at == again.read_at is not None
    assert audited(first, personas.coordinator, action=UPDATE)
    with pytest.raises(PermissionDenied):
        act.circular_mark_read(by=personas.other_frontline, circular=circular)
