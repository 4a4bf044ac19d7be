"""Kinds of notification for the tests, registered for one test only."""

from __future__ import annotations

import pytest
from django.utils.translation import gettext_lazy as _

from samen.notifications.kinds import KINDS, Kind


@pytest.fixture
def kinds(monkeypatch):
    """An open kind with params, and a confidential one, each mailed at once by default."""
    made = {
        "test.open": Kind(
            code="test.open",
            label=_("A test waits for your answer"),
            text=_("%(subject)s waits for your answer"),
            default="immediately",
        ),
        "test.secret": Kind(
            code="test.secret",
            label=_("A case meeting you are called to"),
            text=_("A case meeting you are called to"),
            default="daily",
            confidential=True,
        ),
    }
    for code, kind in made.items():
        monkeypatch.setitem(KINDS, code, kind)
    return made
