"""In headless Chromium: a worker logs a contact and sees the relationship's state change."""

import pytest

from samen.people.roles import Role
from tests.conftest import make_person
from tests.e2e.conftest import PHONE, csp_refusals, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def themes_and_languages(transactional_db):
    """Live-server tests empty every table, the migrations' rows too: put these back."""
    from samen.communities.defaults import ensure_defaults
    from samen.communities.models import Language, Theme

    ensure_defaults(Theme, Language)


def test_a_contact_that_breaks_a_relationship_shows_on_its_page(live_server, browser):
    from samen.communities.actions import CommunityFields, community_create, relationship_create
    from samen.communities.models import Relationship
    from samen.places.models import Place

    borgerhout = Place.objects.get(code="11002S")
    worker = make_person(Role.FRONTLINE_WORKER, "lotte.claes@samen.test", borgerhout)
    youth = community_create(
        by=worker, fields=CommunityFields("Jeugdhuis Den Tir", "youth", borgerhout)
    )
    club = community_create(
        by=worker, fields=CommunityFields("Zaalvoetbal Kroonstraat", "sports", borgerhout)
    )
    relationship = relationship_create(
        by=worker,
        community=youth,
        other=club,
        state="active",
        strength=4,
        reason="Samen een toernooi georganiseerd.",
    )

    context = browser.new_context(viewport=PHONE, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = csp_refusals(page)
    sign_in(page, live_server.url, worker)

    relationship_url = f"{live_server.url}/communities/relationships/{relationship.pk}/"
    page.goto(relationship_url)
    assert page.locator("#relationship-state .state-active").is_visible()
    page.click(f"a[href='/communities/contacts/new/?relationship={relationship.pk}']")
    page.select_option("select[name=kind]", "meeting")
    page.fill("textarea[name=summary]", "Ruzie over de zaaluren; geen akkoord bereikt.")
    page.select_option("select[name=new_state]", "broken")
    page.select_option("select[name=new_strength]", "1")
    page.fill("textarea[name=reason]", "Beide kanten weigeren nog overleg.")
    page.click("form.contact-form button[type=submit]")

    page.wait_for_url(relationship_url)
    assert page.locator("#relationship-state .state-broken").is_visible()
    assert "Beide kanten weigeren nog overleg." in page.locator("#history-title + *").inner_text()
    relationship = Relationship.objects.get(pk=relationship.pk)
    assert (relationship.state, relationship.strength) == ("broken", 1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert refused == []
    context.close()
