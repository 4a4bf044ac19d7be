import pytest

from samen.people.roles import Role
from samen.signals.models import Signal
from tests.conftest import make_person
from tests.e2e.conftest import csp_refusals, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_signal_filed_on_a_phone_shows_on_the_district_page(live_server, phone):
    from samen.places.models import Place

    borgerhout = Place.objects.get(code="11002S")
    worker = make_person(Role.FRONTLINE_WORKER, "jonas.maes@samen.test", borgerhout)
    page = phone
    refused = csp_refusals(page)
    sign_in(page, live_server.url, worker)

    page.goto(f"{live_server.url}/signals/new/")
    assert page.locator("select[name=district]").input_value() == str(borgerhout.pk)
    page.check("input[name=categories] >> nth=0")
    page.check("input[name=severity][value='3']")
    page.select_option("select[name=source_type]", "own_observation")
    page.check("input[name=information_class][value='evidenced']")
    page.check("input[name=confidence][value='2']")
    page.fill("textarea[name=text]", "Groepen jongeren dagen elkaar uit aan het Moorkensplein.")
    page.click("form.signal-form button[type=submit]")

    page.wait_for_url(f"{live_server.url}/signals/*/")
    signal = Signal.objects.get()
    assert signal.reporter_id == worker.pk and signal.severity == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(f"{live_server.url}/places/{borgerhout.code}/")
    panel = page.locator("section", has=page.locator("#latest-signals-title"))
    assert panel.locator(f"a[href='/signals/{signal.pk}/']").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert refused == []
