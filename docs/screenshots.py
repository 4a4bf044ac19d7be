"""Regenerate the screenshots in docs/images/ from the demo city.

Run from the project root (any Python; the script moves itself into the project's .venv):

    python3 docs/screenshots.py            # demo seed 2026
    python3 docs/screenshots.py --seed 7   # if the demo was seeded with another seed

What it does:

1. If the demo database (data/samen.sqlite3) is missing, it prepares it with
   `samen demo --no-serve`.
2. It works on a temporary copy of that database (migrated to the current code), so the
   sign-ins, the reads and the password change written to the audit trail, the two-factor
   devices made for two demo accounts, the acknowledged confidentiality rules and the ended
   mediation duty never end up in your own demo.
3. It gives the demo data-protection officer (dpo@samen.test) and the demo prevention
   official (preventie@samen.test), who sits at the case consultation's table, an
   authenticator app with a secret only this script knows: both must use two-factor
   authentication. It picks the demo records to show: one of the demo frontline worker's
   mediations, a relationship in Borgerhout, a case with meetings, assessments and a support
   plan, and the meeting that discussed it.
4. It serves the copy with `samen runserver` on a free local port, drives Chromium
   (/usr/bin/chromium) through the pages in Dutch (nl-BE), saves PNGs in docs/images/ and
   stops the server. The demo district coordinator also coordinates mediation in Borgerhout,
   which shows them the parties of its mediations; for the last screenshot the script ends
   that duty in the copy, to show a mediation page as an ordinary district coordinator sees
   it: without the parties.

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
from concurrent.futures import ThreadPoolExecutor
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
LAPTOP = {"width": 1280, "height": 1000}
# What fits on an A4 page (21 × 29.7 cm at 96 dots per inch) inside the printed case's page
# margins (1.5 cm top and bottom, 1.2 cm left and right): one printed page, without the paper.
PRINTED_PAGE = {"width": 704, "height": 1009}

ANALYST = "analist@samen.test"  # policy analyst: city-wide, no second factor
COORDINATOR = "coordinator@samen.test"  # district coordinator of Borgerhout, no second factor
FRONTLINE = "buurtwerker@samen.test"  # frontline worker in Borgerhout, no second factor
DPO = "dpo@samen.test"  # data-protection officer: must use two-factor authentication
PREVENTION = "preventie@samen.test"  # chairs the case consultation: two-factor authentication
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


def prepare_copy(seed: int) -> tuple[str, dict[str, str], dict[str, str]]:
    """Migrate the copy, give the DPO and the prevention official an authenticator there;
    return the demo password, the authenticators' secrets and the paths of the records the
    screenshots show."""
    import django

    django.setup()
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.core.management import call_command
    from django.db import connections

    # The copy may predate a module added since the demo was made: bring its tables along.
    call_command("migrate", interactive=False, verbosity=0)

    from samen.cases.models import Acknowledgement
    from samen.people.models import User
    from samen.people.seed import demo_password

    password = demo_password(seed)
    secrets = {}
    for email in (DPO, PREVENTION):
        user = User.objects.get(email=email)
        if not user.check_password(password):
            raise SystemExit(f"The demo password for seed {seed} does not work; try --seed.")
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
        secrets[email] = generate_totp_secret()
        TOTP.activate(user, secrets[email])
    # The rules come first, even if someone acknowledged them in this demo already.
    Acknowledgement.objects.filter(user__email=PREVENTION).delete()
    paths = demo_records()
    connections.close_all()
    return password, secrets, paths


def demo_records() -> dict[str, str]:
    """The pages to show, chosen from the demo data the same way for every seed."""
    from django.db.models import Count
    from django.urls import reverse

    from samen.cases.models import AgendaItem, Case
    from samen.communities.models import Relationship, State
    from samen.mediation.models import Mediation

    # The demo frontline worker's mediation with the most sessions, not closed yet.
    mediation = (
        Mediation.objects.filter(mediator__email=FRONTLINE)
        .exclude(status=Mediation.Status.CLOSED)
        .annotate(sessions_held=Count("sessions"))
        .order_by("-sessions_held", "pk")
        .first()
    )
    # A weakened relationship between two communities of Borgerhout, with the longest history.
    relationship = (
        Relationship.objects.filter(
            community__district__code=DISTRICT,
            other__district__code=DISTRICT,
            state=State.WEAKENED,
        )
        .annotate(history=Count("changes"))
        .order_by("-history", "pk")
        .first()
    )
    # An open case with an open support plan, discussed at a meeting (its minutes are
    # encrypted, so they are looked at here, not in the query), with the most assessments.
    cases = (
        Case.objects.live()
        .filter(
            status=Case.Status.OPEN,
            support_plan__isnull=False,
            support_plan__closed_on__isnull=True,
        )
        .annotate(assessed=Count("assessments"))
        .order_by("-assessed", "pk")
    )
    case = meeting = None
    for candidate in cases:
        item = next((i for i in AgendaItem.objects.filter(case=candidate) if i.minutes), None)
        if item is not None:
            case, meeting = candidate, item.meeting
            break
    if mediation is None or relationship is None or case is None:
        raise SystemExit("The demo database lacks mediations, relationships or case work.")
    return {
        "mediation": reverse("mediation:detail", args=[mediation.pk]),
        "relationship": reverse("communities:relationship", args=[relationship.pk]),
        "case": reverse("cases:detail", args=[case.pk]),
        "case_export": reverse("cases:export", args=[case.pk]),
        "meeting": reverse("cases:meeting", args=[meeting.pk]),
    }


def end_mediation_duty(email: str) -> None:
    """End this person's mediation-coordinator duties in the copy (in a thread of its own:
    Django refuses the database inside Playwright's event loop)."""

    def end() -> None:
        from django.db import connections

        from samen.mediation.actions import coordinator_end
        from samen.mediation.models import MediationCoordinator

        for coordination in MediationCoordinator.objects.filter(user__email=email):
            coordinator_end(by=None, coordination=coordination)
        connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(end).result()


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

    def shoot(self, page, name: str, *, full_page: bool = False) -> None:
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


def take_screenshots(
    base: str, password: str, secrets: dict[str, str], paths: dict[str, str]
) -> list[Path]:
    """Sign in as the demo accounts and save the pages the user documentation shows."""
    from playwright.sync_api import sync_playwright

    IMAGES.mkdir(parents=True, exist_ok=True)
    changed_password = password + "-nieuw"  # the coordinator's, from the password change on
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
            form.locator("[name=password1]").fill(changed_password)
            form.locator("[name=password2]").fill(changed_password)
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

            # Policy analyst: the indicators (synthetic figures): the context section of a
            # district page, the indicators page with its map, neighbourhoods, and a phone.
            page = shooter.page(LAPTOP)
            shooter.sign_in(page, ANALYST)
            shooter.open(page, f"/places/{DISTRICT}/")
            shooter.shoot_part(page, "section#context", "indicators-context")
            shooter.open(page, "/indicators/?indicator=child_deprivation&compare=2021")
            shooter.shoot(page, "indicators-page", full_page=True)
            shooter.open(
                page,
                "/indicators/?indicator=social_housing_per_1000&level=neighbourhood"
                f"&place={DISTRICT}01",
            )
            shooter.shoot(page, "indicators-neighbourhoods", full_page=True)
            page.context.close()
            page = shooter.page(PHONE)
            shooter.sign_in(page, ANALYST)
            shooter.open(page, "/indicators/?indicator=share_young")
            shooter.shoot(page, "indicators-phone")
            page.context.close()

            # Data-protection officer: the second step, then what the coordinator did.
            page = shooter.page()
            shooter.sign_in(page, DPO)
            shooter.shoot(page, "sign-in-two-factor")
            shooter.two_factor(page, secrets[DPO])
            shooter.open(page, "/audit/")
            filters = page.locator("form.filters")
            filters.locator("#id_actor").fill(COORDINATOR)
            filters.locator("button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            shooter.shoot(page, "audit-trail")
            page.context.close()

            # The frontline worker, who mediates: the mediations of their district, and one
            # of their own with its parties (they are the mediator).
            page = shooter.page(LAPTOP)
            shooter.sign_in(page, FRONTLINE)
            shooter.open(page, "/mediation/")
            shooter.shoot(page, "mediation-list")
            shooter.open(page, paths["mediation"])
            shooter.shoot(page, "mediation-detail-mediator", full_page=True)
            page.context.close()

            # District coordinator: the network of Borgerhout and a relationship there.
            page = shooter.page({"width": 1200, "height": 1000})
            shooter.sign_in(page, COORDINATOR, changed_password)
            shooter.open(page, "/communities/network/")
            shooter.shoot(page, "communities-network")
            page.set_viewport_size({"width": 1000, "height": 720})
            shooter.open(page, paths["relationship"])
            shooter.shoot(page, "communities-relationship")
            page.context.close()

            # The prevention official, at the case consultation's table: the second factor,
            # the rules of the meeting cycle, the case list, a case, a meeting, and the case
            # printed (print styles: the reader's name and the time on every page).
            page = shooter.page(LAPTOP)
            shooter.sign_in(page, PREVENTION)
            shooter.two_factor(page, secrets[PREVENTION])
            shooter.open(page, "/cases/")
            if "/cases/acknowledge/" not in page.url:
                raise SystemExit("The case list did not ask for the confidentiality rules.")
            shooter.shoot(page, "cases-acknowledge")
            page.locator("input[name=agree]").check()
            page.locator("form.stacked button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            shooter.shoot(page, "cases-list")
            shooter.open(page, paths["case"])
            shooter.shoot(page, "cases-detail")
            # The latest assessment with what changed, the support plan's actions.
            shooter.shoot_part(page, "#assessments article.assessment", "case-work-assessment")
            shooter.shoot_part(page, "#support", "case-work-support-plan", until="ul.work-list")
            shooter.open(page, paths["meeting"])
            shooter.shoot(page, "case-work-meeting")
            # One case on the agenda: its minutes and decisions, without the forms.
            shooter.shoot_part(
                page, "#agenda article.work-item", "case-work-agenda-item", until="ul.work-list"
            )
            page.set_viewport_size(PRINTED_PAGE)
            page.emulate_media(media="print")
            shooter.open(page, paths["case_export"])
            shooter.shoot(page, "cases-export-print")
            page.context.close()

            # The same mediation as the district coordinator once they no longer coordinate
            # mediation: its facts, and no party details.
            end_mediation_duty(COORDINATOR)
            page = shooter.page({"width": DESKTOP["width"], "height": 480})
            shooter.sign_in(page, COORDINATOR, changed_password)
            shooter.open(page, paths["mediation"])
            shooter.shoot(page, "mediation-detail-coordinator")
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
        password, secrets, paths = prepare_copy(args.seed)

        port = free_port()
        server = start_server(port, Path(tmp) / "server.log")
        try:
            print(f"Screenshots of http://{HOST}:{port}/ in {IMAGES.relative_to(PROJECT_DIR)}:")
            saved = take_screenshots(f"http://{HOST}:{port}", password, secrets, paths)
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
