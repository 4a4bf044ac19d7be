import pytest

from samen.people.roles import Role
from tests.conftest import PASSWORD, make_person
from tests.e2e.conftest import PHONE, csp_refusals, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_frontline_worker_signs_in_and_reaches_their_home_page(live_server, page):
    from samen.places.models import Place

    borgerhout = Place.objects.get(code="11002S")
    worker = make_person(Role.FRONTLINE_WORKER, "sara.peeters@samen.test", borgerhout)

    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url
    page.get_by_label("E-mail").fill(worker.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()

    page.wait_for_url(f"{live_server.url}/")
    heading = page.get_by_role("heading", level=1)
    assert worker.get_short_name() in heading.inner_text()
    assert page.get_by_role("link", name="Borgerhout").is_visible()
    # The page ran under the strict policy: no script or style was refused.
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_a_phone_sized_screen_shows_the_same_home_page(live_server, browser):
    from samen.places.models import Place

    worker = make_person(
        Role.FRONTLINE_WORKER, "an.jacobs@samen.test", Place.objects.get(code="11002S")
    )
    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    violations = csp_refusals(page)
    sign_in(page, live_server.url, worker)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the home page scrolls sideways on a phone"
    assert violations == []
    context.close()
