"""A Flemish partner sends a circular to two districts; a coordinator of one of them reads it
from the notification centre, on a phone; the partner sees who has read it. Each page checked
with axe, under the strict CSP, usable at 390 px."""

from __future__ import annotations

import pytest

from samen.exchange.models import Circular, CircularRecipient
from samen.people.models import Organisation, OrganisationMembership, PolicyLevel
from samen.people.roles import Role
from tests.conftest import make_person
from tests.e2e.conftest import csp_refusals, sign_in
from tests.e2e.test_district_context_and_indicators_map import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_flemish_partner_sends_a_circular_a_coordinator_reads_it_the_partner_sees_it(
    live_server, browser, phone
):
    from samen.places.models import Place

    borgerhout = Place.objects.get(code="11002S")
    berchem = Place.objects.get(code="11002T")
    flemish = Organisation.objects.create(
        name="Vlaams netwerk preventie radicalisering", policy_level=PolicyLevel.FLEMISH
    )
    partner = make_person(Role.PARTNER_PROFESSIONAL, "an.maes@samen.test")
    OrganisationMembership.objects.create(user=partner, organisation=flemish)
    coordinator = make_person(Role.DISTRICT_COORDINATOR, "lies.claes@samen.test", borgerhout)
    make_person(Role.DISTRICT_COORDINATOR, "tom.peeters@samen.test", berchem)

    # The partner sends it, at a desk.
    desk = browser.new_context(locale="nl-BE").new_page()
    desk.set_default_timeout(15_000)
    refused = csp_refusals(desk)
    sign_in(desk, live_server.url, partner)
    desk.goto(f"{live_server.url}/exchange/circulars/new/")
    assert axe_violations(desk, "main") == []
    form = desk.locator("main form")
    form.locator("select[name=kind]").select_option("circular")
    form.locator("select[name=sender_organisation]").select_option(label=flemish.name)
    form.get_by_label("Titel").fill("Nieuwe richtlijn informatiedeling lokale netwerken")
    form.get_by_label("Tekst", exact=True).fill("De richtlijn geldt vanaf volgende maand.")
    form.get_by_label("Borgerhout", exact=True).check()
    form.get_by_label("Berchem", exact=True).check()
    form.get_by_role("button", name="Versturen").click()
    circular = Circular.objects.get()
    desk.wait_for_url(f"**/exchange/circulars/{circular.pk}/")
    assert "Verstuurd naar 2 personen." in desk.locator("main").inner_text()
    assert set(circular.recipients.values_list("person__email", flat=True)) == {
        "lies.claes@samen.test",
        "tom.peeters@samen.test",
    }

    # The Borgerhout coordinator reads it from the notification centre, on a phone.
    page = phone
    refused += csp_refusals(page)
    sign_in(page, live_server.url, coordinator)
    page.goto(f"{live_server.url}/notifications/")
    assert axe_violations(page, "main") == []
    page.get_by_role("button", name="Nieuwe richtlijn informatiedeling lokale netwerken").click()
    page.wait_for_url(f"**/exchange/circulars/{circular.pk}/")
    assert axe_violations(page, "main") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Markeer als gelezen").click()
    page.wait_for_url(f"**/exchange/circulars/{circular.pk}/")
    assert "U las het op" in page.locator("main").inner_text()
    receipt = CircularRecipient.objects.get(circular=circular, person=coordinator)
    assert receipt.read_at is not None

    # The partner sees who has read it, and who has not.
    desk.reload()
    main = desk.locator("main")
    assert "1 van 2 ontvangers heeft het gelezen." in main.inner_text()
    assert coordinator.full_name in main.locator("ul.read-list").inner_text()
    assert "Tom Peeters" in main.locator("ul.unread-list").inner_text()
    assert axe_violations(desk, "main") == []
    assert refused == []
