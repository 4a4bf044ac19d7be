"""The browser side of the screenshots: a local server on the demo copy, Chromium, and the
Shooter that signs people in and saves pages as PNGs in docs/images/."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from shots.demo import PROJECT_DIR, SAMEN

IMAGES = PROJECT_DIR / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOST = "127.0.0.1"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 1000}
# What fits on an A4 page (21 × 29.7 cm at 96 dots per inch) inside the printed case's page
# margins (1.5 cm top and bottom, 1.2 cm left and right): one printed page, without the paper.
PRINTED_PAGE = {"width": 704, "height": 1009}
# Every screenshot with the main menu shows this item, the menu's newest: on a phone the menu
# is a strip that scrolls sideways, and it is scrolled to the item before the shot.
MENU_ITEM = "Indicatoren"


def current_code(secret: str) -> str:
    """The authenticator code an app would show now, waiting for a fresh period if needed."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    left = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
    if left < 5:
        time.sleep(left + 0.5)
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(SAMEN), "runserver", f"{HOST}:{port}", "--noreload"],
            cwd=PROJECT_DIR,
            env=os.environ.copy(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server stopped:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2):  # noqa: S310
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("The server did not answer within 60 seconds.")


class Shooter:
    """Signs people in and saves screenshots of pages."""

    def __init__(self, browser, base: str, password: str):
        self.browser = browser
        self.base = base
        self.password = password
        self.saved: list[Path] = []

    def page(self, viewport=DESKTOP):
        context = self.browser.new_context(
            locale="nl-BE", timezone_id="Europe/Brussels", viewport=viewport
        )
        return context.new_page()

    def sign_in(self, page, email: str, password: str | None = None) -> None:
        """The password step; the form is `form.stacked` (the language switch is a form too)."""
        page.goto(self.base + "/accounts/login/")
        form = page.locator("form.stacked")
        form.locator("[name=login]").fill(email)
        form.locator("[name=password]").fill(password or self.password)
        form.locator("button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        if "/accounts/login/" in page.url:
            raise SystemExit(f"Signing in as {email} failed.")

    def two_factor(self, page, secret: str) -> None:
        form = page.locator("form", has=page.locator("input[name=code]"))
        form.locator("input[name=code]").fill(current_code(secret))
        form.locator("button[type=submit]:not([form])").click()
        page.wait_for_load_state("networkidle")
        if "/2fa/" in page.url:
            raise SystemExit("The authenticator code was refused.")

    def open(self, page, path: str) -> None:
        page.goto(self.base + path)
        page.wait_for_load_state("networkidle")

    def show_menu_item(self, page, name: str) -> None:
        """Bring MENU_ITEM into view in the main menu, if the page shows the menu."""
        menu = page.locator("nav.main-nav")
        if not menu.count() or not menu.is_visible():
            return
        item = menu.get_by_role("link", name=MENU_ITEM, exact=True)
        if not item.count():
            raise SystemExit(f"{name}: the main menu has no {MENU_ITEM}.")
        item.scroll_into_view_if_needed()
        box, width = item.bounding_box(), page.viewport_size["width"]
        if box is None or box["x"] < 0 or box["x"] + box["width"] > width:
            raise SystemExit(f"{name}: {MENU_ITEM} is outside the screenshot's width.")

    def shoot(self, page, name: str, *, full_page: bool = False) -> None:
        self.show_menu_item(page, name)
        path = IMAGES / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        self.saved.append(path)
        print(f"  {path.relative_to(PROJECT_DIR)} ({path.stat().st_size // 1024} KB)")

    def shoot_part(self, page, selector: str, name: str, *, until: str | None = None) -> None:
        """One part of a page (a section, an article) with a margin around it, whatever its
        height; with `until`, only down to the end of that element inside it (the forms
        below it left out)."""
        part = page.locator(selector).first
        top, left, width, bottom = part.evaluate(PAGE_BOX)
        if until is not None:
            bottom = part.locator(until).first.evaluate(PAGE_BOX)[3]
        margin = 16
        clip = {
            "x": max(left - margin, 0),
            "y": max(top - margin, 0),
            "width": width + 2 * margin,
            "height": bottom - top + 2 * margin,
        }
        path = IMAGES / f"{name}.png"
        page.screenshot(path=str(path), full_page=True, clip=clip)
        self.saved.append(path)
        print(f"  {path.relative_to(PROJECT_DIR)} ({path.stat().st_size // 1024} KB)")


# An element's top, left, width and bottom on the page (not in the window), in CSS pixels.
PAGE_BOX = """e => {
  const r = e.getBoundingClientRect();
  return [r.top + window.scrollY, r.left + window.scrollX, r.width, r.bottom + window.scrollY];
}"""
