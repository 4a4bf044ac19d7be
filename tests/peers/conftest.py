"""Other cities for the peers tests: a recorded one, and a fake peer Samen (http.server in a
thread on a free loopback port) whose answer each test chooses."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from samen.peers.actions import peer_record

TOKEN = "samenpartner_" + "k" * 43
TABLE = {
    "since": "2026-01-01",
    "until": "2026-02-28",
    "granularity": "month",
    "level": "group",
    "columns": [
        {"code": "all", "label": "Alle signalen"},
        {"code": "polarisation", "label": "Polarisatie"},
        {"code": "life_domain", "label": "Levensdomein"},
    ],
    "rows": [
        {
            "district": "44021A",
            "district_name": "Gentbrugge",
            "period": "2026-01",
            "counts": [23, 14, 9],
        },
        {
            "district": "44021A",
            "district_name": "Gentbrugge",
            "period": "2026-02",
            "counts": [7, "<5", "x"],
        },
    ],
}


@dataclass
class FakePeer:
    """What the fake peer answers (status, content type, body, delay) and what it was asked."""

    status: int = 200
    content_type: str = "application/json"
    body: bytes = json.dumps(TABLE).encode()
    delay: float = 0.0
    asked: list[tuple[str, dict]] = field(default_factory=list)
    url: str = ""

    def answer_json(self, data) -> None:
        self.body = json.dumps(data).encode()


def start_fake_peer() -> tuple[FakePeer, callable]:
    peer = FakePeer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            peer.asked.append((self.path, dict(self.headers.items())))
            time.sleep(peer.delay)
            self.send_response(peer.status)
            if 300 <= peer.status < 400:
                self.send_header("Location", peer.url + "/elsewhere/")
            self.send_header("Content-Type", peer.content_type)
            self.send_header("Content-Length", str(len(peer.body)))
            self.end_headers()
            self.wfile.write(peer.body)

        def log_message(self, format, *args):  # noqa: A002 - quiet in test output
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    peer.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return peer, stop


@pytest.fixture
def debug(settings):
    """Debug mode: the only mode in which another city may be asked over plain http."""
    settings.DEBUG = True
    return settings


@pytest.fixture
def fake_peer():
    peer, stop = start_fake_peer()
    yield peer
    stop()


def free_port() -> int:
    """A loopback port nobody listens on (a city that is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gent(personas, debug, fake_peer):
    """Gent's Samen, recorded by the administrator, answering from the fake peer."""
    return peer_record(by=personas.admin, name="Gent", base_url=fake_peer.url, token=TOKEN)


@pytest.fixture
def liege(personas):
    """Liège's Samen at an https address (nothing is asked of it in these tests)."""
    return peer_record(
        by=personas.admin, name="Liège", base_url="https://samen.liege.example", token=TOKEN
    )
