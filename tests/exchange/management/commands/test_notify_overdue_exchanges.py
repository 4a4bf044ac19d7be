"""The command tells of overdue exchanges now."""

from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_command_notifies_now(personas, world, to_borgerhout, capsys):
    call_command("notify_overdue_exchanges")
    assert "0 notifications of overdue exchanges." in capsys.readouterr().out
