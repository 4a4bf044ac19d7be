"""Headless Chromium (Debian's package) driven by Playwright, for end-to-end tests."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.people.test_authentication import current_totp

CHROMIUM = Path(os.environ.get("SAMEN_CHROMIUM", "/usr/bin/chromium"))
# Chromium's background services try to reach the internet; these machines have none.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"No Chromium at {CHROMIUM}: install Debian's chromium package to run this.")
    from playwright.sync_api import sync_playwright

    # Playwright's event loop runs in this thread; the ORM calls the tests make around it
    # are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A page in a phone's browser: its width, touch, and the mobile viewport rules."""
    context = browser.new_context(viewport=PHONE, locale="nl-BE", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def csp_refusals(page) -> list[str]:
    """The list every script or style the Content-Security-Policy refuses on `page` joins."""
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    return refused


def sign_in(page, base_url: str, person) -> None:
    """Sign `person` in through the login form, with their second factor when they hold one,
    and wait for the home page."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("E-mail").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    secret = getattr(person, "totp_secret", None)
    if secret:
        page.wait_for_url(f"{base_url}{reverse('mfa_authenticate')}")
        page.locator("input[name=code]").fill(current_totp(secret))
        page.locator("input[name=code]").press("Enter")
    page.wait_for_url(f"{base_url}/")


@pytest.fixture(autouse=True)
def districts_from_the_migrations(transactional_db):
    """A live-server test empties every table when it ends, the migrations' districts and
    signal categories too; put them back for the next one (pytest-django runs these tests
    after all others), whatever order the browser tests run in."""
    from samen.places.antwerp import ensure_antwerp
    from samen.places.models import Place
    from samen.signals.categories import ensure_default_categories
    from samen.signals.models import Category

    ensure_antwerp(Place)
    ensure_default_categories(Category)
