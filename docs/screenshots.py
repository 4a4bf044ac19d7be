"""Regenerate the screenshots in docs/images/ from the demo city.

Run from the project root (any Python; the script moves itself into the project's .venv):

    python3 docs/screenshots.py            # demo seed 2026
    python3 docs/screenshots.py --seed 7   # if the demo was seeded with another seed

What it does:

1. If the demo database (data/samen.sqlite3) is missing, it prepares it with
   `samen demo --no-serve`.
2. It works on a temporary copy of that database (migrated to the current code), so the
   sign-ins, the reads and the password change written to the audit trail and the two-factor
   device made for the data-protection officer never end up in your own demo.
3. It gives the demo data-protection officer (dpo@samen.test), whose role requires two-factor
   authentication, an authenticator app with a secret only this script knows.
4. It serves the copy with `samen runserver` on a free local port, drives Chromium
   (/usr/bin/chromium) through the pages in Dutch (nl-BE), saves PNGs in docs/images/ and
   stops the server.

Needs Debian's chromium package and Playwright for Python in .venv
(`python3 dev.py test` installs it).
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_DIR = PROJECT_DIR / ".venv"
VENV_PYTHON = VENV_DIR / "bin" / "python"
SAMEN = VENV_DIR / "bin" / "samen"
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

ANALYST = "analist@samen.test"  # policy analyst: city-wide, no second factor
COORDINATOR = "coordinator@samen.test"  # district coordinator of Borgerhout, no second factor
FRONTLINE = "buurtwerker@samen.test"  # frontline worker in Borgerhout, no second factor
DPO = "dpo@samen.test"  # data-protection officer: must use two-factor authentication
DISTRICT = "11002S"  # Borgerhout
MONITOR_DISTRICT = "11002V"  # Hoboken: the demo plants a recent surge there


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV_DIR.resolve()


def demo_database() -> Path:
    """The demo's SQLite file, made with `samen demo --no-serve` when it does not exist."""
    if os.environ.get("SAMEN_SQLITE_PATH"):
        return Path(os.environ["SAMEN_SQLITE_PATH"])
    data_dir = Path(os.environ.get("SAMEN_DATA_DIR", PROJECT_DIR / "data"))
    database = data_dir / "samen.sqlite3"
    if not database.exists():
        print("No demo database yet: preparing it with `samen demo --no-serve` ...")
        env = {**os.environ, "SAMEN_DEBUG": "1"}
        env.pop("DATABASE_URL", None)
        subprocess.run([str(SAMEN), "demo", "--no-serve"], cwd=PROJECT_DIR, env=env, check=True)
    return database


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database, even while another process uses it (WAL)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def prepare_copy(seed: int) -> tuple[str, str]:
    """Migrate the copy, give the DPO an authenticator there, return the demo password and
    the authenticator's secret."""
    import django

    django.setup()
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core.management import call_command
    from django.db import connections

    # The copy may predate a module added since the demo was made: bring its tables along.
    call_command("migrate", interactive=False, verbosity=0)

    from samen.people.models import User
    from samen.people.seed import demo_password

    password = demo_password(seed)
    dpo = User.objects.get(email=DPO)
    if not dpo.check_password(password):
        raise SystemExit(f"The demo password for seed {seed} does not work; try --seed.")
    Authenticator.objects.filter(user=dpo, type=Authenticator.Type.TOTP).delete()
    secret = generate_totp_secret()
    TOTP.activate(dpo, secret)
    connections.close_all()
    return password, secret


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

    def sign_in(self, page, email: str) -> None:
        """The password step; the form is `form.stacked` (the language switch is a form too)."""
        page.goto(self.base + "/accounts/login/")
        form = page.locator("form.stacked")
        form.locator("[name=login]").fill(email)
        form.locator("[name=password]").fill(self.password)
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

    def shoot(self, page, name: str, *, full_page: bool = False) -> None:
        path = IMAGES / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        self.saved.append(path)
        print(f"  {path.relative_to(PROJECT_DIR)} ({path.stat().st_size // 1024} KB)")


def take_screenshots(base: str, password: str, secret: str) -> list[Path]:
    """Sign in as the demo accounts and save the pages the user documentation shows."""
    from playwright.sync_api import sync_playwright

    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shooter = Shooter(browser, base, password)
        try:
            # Signing in, on a phone.
            page = shooter.page(PHONE)
            shooter.open(page, "/accounts/login/")
            shooter.shoot(page, "sign-in-phone")
            page.context.close()

            # District coordinator: home page with the account menu open, staff directory,
            # a staff record (that read is what the audit screenshot shows later), a signal.
            page = shooter.page()
            shooter.sign_in(page, COORDINATOR)
            shooter.open(page, "/")
            page.locator("details.account-menu summary").click()
            shooter.shoot(page, "home-coordinator")
            shooter.open(page, "/people/")
            shooter.shoot(page, "people-directory")
            page.locator("#results tbody a").nth(2).click()
            page.wait_for_load_state("networkidle")
            shooter.shoot(page, "people-staff-record")
            # A reviewed signal of their district, tall enough to show its triage block.
            page.set_viewport_size({"width": DESKTOP["width"], "height": 1200})
            shooter.open(page, "/signals/?status=reviewed")
            page.locator("#results tbody a").first.click()
            page.wait_for_load_state("networkidle")
            shooter.shoot(page, "signals-detail-triage")
            page.set_viewport_size(DESKTOP)
            # A change for the audit trail to show: a new password (its values are redacted).
            shooter.open(page, "/accounts/password/change/")
            form = page.locator("form", has=page.locator("[name=oldpassword]"))
            form.locator("[name=oldpassword]").fill(password)
            form.locator("[name=password1]").fill(password + "-nieuw")
            form.locator("[name=password2]").fill(password + "-nieuw")
            form.locator("button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            page.context.close()

            # Policy analyst: city overview, district page, organisations.
            page = shooter.page()
            shooter.sign_in(page, ANALYST)
            shooter.open(page, "/places/")
            shooter.shoot(page, "places-city")
            shooter.open(page, f"/places/{DISTRICT}/")
            shooter.shoot(page, "places-district", full_page=True)
            shooter.open(page, "/people/organisations/")
            page.locator("#id_policy_level").select_option("flemish")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            shooter.shoot(page, "people-organisations")
            page.context.close()

            # The district page on a phone.
            page = shooter.page(PHONE)
            shooter.sign_in(page, ANALYST)
            shooter.open(page, f"/places/{DISTRICT}/")
            shooter.shoot(page, "places-district-phone")
            page.context.close()

            # Frontline worker: the intake form on a phone.
            page = shooter.page(PHONE)
            shooter.sign_in(page, FRONTLINE)
            shooter.open(page, "/signals/new/")
            shooter.shoot(page, "signals-new-phone")
            page.context.close()

            # Policy analyst: a district's monitor, summary and weekly trend.
            page = shooter.page({"width": DESKTOP["width"], "height": 1000})
            shooter.sign_in(page, ANALYST)
            shooter.open(page, f"/monitor/{MONITOR_DISTRICT}/")
            shooter.shoot(page, "monitor-district")
            page.context.close()

            # Data-protection officer: the second step, then what the coordinator did.
            page = shooter.page()
            shooter.sign_in(page, DPO)
            shooter.shoot(page, "sign-in-two-factor")
            shooter.two_factor(page, secret)
            shooter.open(page, "/audit/")
            filters = page.locator("form.filters")
            filters.locator("#id_actor").fill(COORDINATOR)
            filters.locator("button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            shooter.shoot(page, "audit-trail")
            page.context.close()
        finally:
            browser.close()
    return shooter.saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026, help="the demo's seed (2026)")
    args = parser.parse_args()
    if not in_venv():
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), __file__, *sys.argv[1:]])  # noqa: S606

    source = demo_database()
    with tempfile.TemporaryDirectory(prefix="samen-screenshots-") as tmp:
        copy = Path(tmp) / "samen.sqlite3"
        copy_database(source, copy)
        os.environ.pop("DATABASE_URL", None)
        os.environ.update(
            SAMEN_DEBUG="1",
            SAMEN_SQLITE_PATH=str(copy),
            DJANGO_SETTINGS_MODULE="samen.settings",
        )
        sys.path.insert(0, str(PROJECT_DIR))
        password, secret = prepare_copy(args.seed)

        port = free_port()
        server = start_server(port, Path(tmp) / "server.log")
        try:
            print(f"Screenshots of http://{HOST}:{port}/ in {IMAGES.relative_to(PROJECT_DIR)}:")
            saved = take_screenshots(f"http://{HOST}:{port}", password, secret)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    print(f"{len(saved)} screenshots written.")


if __name__ == "__main__":
    main()
