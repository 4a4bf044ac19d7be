"""Kinds of notification for the tests, registered for one test only."""

from __future__ import annotations

import socket

import pytest
from aiosmtpd.controller import Controller
from django.utils.translation import gettext_lazy as _

from samen.notifications.kinds import KINDS, Kind


@pytest.fixture(autouse=True)
def mail_configured(settings):
    """An operator named a mail server (without one, notifications stay in the app)."""
    settings.SAMEN_MAIL_CONFIGURED = True


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
            label=_("A test meeting you are called to"),
            text=_("A test meeting you are called to"),
            default="daily",
            confidential=True,
        ),
    }
    # The test kinds alone: the modules' own kinds (exchanges, ...) are put back afterwards.
    for code in list(KINDS):
        monkeypatch.delitem(KINDS, code)
    for code, kind in made.items():
        monkeypatch.setitem(KINDS, code, kind)
    return made


class MailServer:
    """A real SMTP server on a free loopback port, refusing or dropping the first attempts."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        self.refuse = 0  # refuse this many DATA commands with `refusal`
        self.refusal = "421 Service not available, try again later"
        self.drop = 0  # drop the connection on this many DATA commands, without answering

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        if self.drop:
            self.drop -= 1
            server.transport.close()  # gone before the end of DATA is answered: not delivered
            return "250 never heard"
        if self.refuse:
            self.refuse -= 1
            return self.refusal
        self.received.append(envelope.content)
        return "250 Message accepted for delivery"

    @property
    def bodies(self) -> list[str]:
        return [content.decode() for content in self.received]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server(settings):
    """Django's SMTP backend pointed at a real aiosmtpd server started for this test."""
    handler = MailServer()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_TIMEOUT = 5
    settings.SAMEN_BASE_URL = "https://samen.example"
    try:
        yield handler
    finally:
        controller.stop()
