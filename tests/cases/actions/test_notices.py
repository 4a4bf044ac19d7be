"""Notices of changes at the table: to the mayor and the data-protection officers, no case named."""

from __future__ import annotations

import pytest
from django.core import mail

from samen.cases.actions import notices
from samen.cases.models import CoreSeat, Invitation, TableNotice
from samen.people.actions import staff_member_deactivate

pytestmark = pytest.mark.django_db


def test_each_grant_is_named_by_its_kind(table):
    mayor_seat = CoreSeat.objects.get(kind=CoreSeat.Kind.MAYOR)
    police_seat = CoreSeat.objects.get(kind=CoreSeat.Kind.POLICE)
    invitation = Invitation.objects.filter(case=table.case).first()
    assert notices.notice_grant(mayor_seat) == TableNotice.Grant.MAYOR
    assert notices.notice_grant(police_seat) == TableNotice.Grant.POLICE
    assert notices.notice_grant(invitation) == TableNotice.Grant.INVITATION


def test_the_mayor_and_active_data_protection_officers_are_told(table, personas):
    assert notices.recipients() == sorted([table.mayor, personas.dpo], key=lambda p: p.pk)
    staff_member_deactivate(by=personas.admin, member=personas.dpo)
    assert notices.recipients() == [table.mayor]


def test_a_notice_is_recorded_for_each_recipient(table, personas):
    invitation = Invitation.objects.filter(case=table.case).first()
    made = notices.notify(
        event=TableNotice.Event.ENDED, grant=invitation, actor=personas.prevention
    )
    assert {n.recipient for n in made} == {table.mayor, personas.dpo}
    for notice in made:
        assert notice.grant == TableNotice.Grant.INVITATION
        assert notice.holder == table.invited and notice.actor == personas.prevention
        assert notice.seen_at is None


def test_no_mail_without_a_mail_server(
    table, personas, settings, django_capture_on_commit_callbacks
):
    settings.SAMEN_MAIL_CONFIGURED = False
    seat = CoreSeat.objects.get(kind=CoreSeat.Kind.POLICE)
    with django_capture_on_commit_callbacks(execute=True):
        notices.notify(event=TableNotice.Event.ENDED, grant=seat, actor=None)
    assert mail.outbox == []


def test_the_mail_says_only_that_the_table_changed(
    table, personas, settings, django_capture_on_commit_callbacks
):
    settings.SAMEN_MAIL_CONFIGURED = True
    seat = CoreSeat.objects.get(kind=CoreSeat.Kind.POLICE)
    with django_capture_on_commit_callbacks(execute=True):
        notices.notify(event=TableNotice.Event.ENDED, grant=seat, actor=None)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([table.mayor.email, personas.dpo.email])
    for message in mail.outbox:
        text = message.subject + message.body
        assert table.police.full_name not in text and table.case.reference not in text


def test_a_failing_mail_server_does_not_fail_the_change(monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OSError("no server")

    monkeypatch.setattr(notices, "send_mail", refuse)
    notices._mail(["mayor@samen.test"])
    assert "could not be mailed" in caplog.text
