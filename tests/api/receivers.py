"""A webhook receiver for tests: http.server in a thread on a free loopback port, answering
from a script of (status, delay) and keeping every request it got."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    script: list[tuple[int, float]]  # per request: the status answered, after so many seconds
    received: list[Received] = field(default_factory=list)
    url: str = ""

    def answer(self) -> tuple[int, float]:
        index = min(len(self.received) - 1, len(self.script) - 1)
        return self.script[index]


def start_receiver(script: list[tuple[int, float]]):
    """Start a receiver; return it and a function that stops it."""
    receiver = Receiver(script)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            receiver.received.append(Received(dict(self.headers.items()), body))
            status, delay = receiver.answer()
            time.sleep(delay)
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", receiver.url + "elsewhere/")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format, *args):  # noqa: A002 - quiet in test output
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop():
        server.shutdown()
        server.server_close()

    return receiver, stop
