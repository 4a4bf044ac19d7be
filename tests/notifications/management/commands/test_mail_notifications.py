"""The operator's command sends what is due now, and refuses to schedule without a queue."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from samen.notifications import notify
from samen.notifications.models import Preference


def test_the_command_builds_and_sends_the_digests_due(kinds, personas, mailoutbox):
    Preference.objects.create(person=personas.frontline, kind="test.open", delivery="daily")
    notify("test.open", recipients=[personas.frontline], url="/a/")
    out = io.StringIO()
    call_command("mail_notifications", stdout=out)
    assert "sent 1 e-mails" in out.getvalue()
    assert len(mailoutbox) == 1


def test_scheduling_needs_a_backend_with_a_queue(db):
    with pytest.raises(CommandError):
        call_command("mail_notifications", "--schedule")
