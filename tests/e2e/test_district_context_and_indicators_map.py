"""A frontline worker opens their district's page, finds the context section, then the
indicators map; both are checked with axe, at a phone's width, under the strict CSP."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from samen.core.seeding import SeedRun
from samen.indicators.seed import seed_indicators
from samen.people.roles import Role
from tests.conftest import make_person
from tests.e2e.conftest import csp_refusals, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def axe_violations(page, context: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_the_context_section_and_the_indicators_map(live_server, phone, shared_data):
    from samen.places.models import Place

    for name in ("antwerp_districts_2025.geojson", "antwerp_wijken_2025.geojson"):
        call_command("import_places", str(shared_data / name), stdout=io.StringIO())
    seed_indicators(SeedRun(seed=3, staff=10, places_dir=shared_data, out=lambda line: None))
    borgerhout = Place.objects.get(code="11002S")
    worker = make_person(Role.FRONTLINE_WORKER, "noor.peeters@samen.test", borgerhout)

    page = phone
    refused = csp_refusals(page)
    sign_in(page, live_server.url, worker)

    page.goto(f"{live_server.url}/places/11002S/")
    section = page.locator("section#context")
    assert section.locator("h2").inner_text() == "Context"
    assert section.locator("svg.indicator-spark").count() >= 3
    assert "synthetisch" in section.inner_text()
    section.locator("summary").click()
    assert section.locator("table tbody tr").count() >= 5
    assert axe_violations(page, "#context") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    section.locator("a", has_text="Kansarmoede bij geboorte").click()
    page.wait_for_url("**/indicators/**")
    shapes = page.locator("figure.indicator-map svg path")
    assert shapes.count() == 10
    classes = {shapes.nth(i).get_attribute("class") for i in range(shapes.count())}
    assert classes <= {f"class-{n}" for n in range(1, 6)} | {"no-value"} and len(classes) >= 3
    assert page.locator("ul.legend li").count() >= 4
    assert "Data & Analyse van de Vlaamse provincies" in page.locator("figcaption").inner_text()
    assert page.locator("section[aria-labelledby=ranking-title] tbody tr").count() == 10
    assert axe_violations(page, "main") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.select_option("select[name=level]", "neighbourhood")
    page.click("form.indicator-picker button[type=submit] >> nth=0")
    page.wait_for_load_state()
    assert page.locator("figure.indicator-map svg path").count() >= 60
    assert refused == []
