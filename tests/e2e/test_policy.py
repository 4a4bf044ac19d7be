"""A district coordinator opens the context match of their district, follows a rising
category nothing answers to the district's action plan, and records progress on an action
there, on a phone: each page checked with axe, under the strict CSP, the form usable at 390 px."""

from __future__ import annotations

import datetime

import pytest

from samen.people.models import Organisation, PolicyLevel
from samen.people.roles import Role
from samen.policy.models import Action, ActionPlan, ProgressUpdate, Strategy
from samen.signals.models import Category
from tests.conftest import make_person
from tests.e2e.conftest import csp_refusals, sign_in
from tests.e2e.test_district_context_and_indicators_map import axe_violations
from tests.monitor.test_early_warning import plant, this_week

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WEEK = datetime.timedelta(weeks=1)

OVERLAP = """(form) => {
  const button = form.querySelector("button[type=submit]").getBoundingClientRect();
  return [...form.querySelectorAll("label, input, textarea, select")].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.left < button.right && button.left < r.right
      && r.top < button.bottom && button.top < r.bottom;
  }).map((el) => el.outerHTML);
}"""


def racism_rises_in(district) -> None:
    """Twelve ordinary weeks of racism signals in the district, then four far above them."""
    racism = Category.objects.get(code="racism")
    now = this_week()
    for n in range(4, 16):
        plant(district, racism, now - WEEK * n, 2 + n % 2)
    for n in range(4):
        plant(district, racism, now - WEEK * n, 9)


def test_a_coordinator_follows_an_unanswered_rise_to_the_plan_and_records_progress(
    live_server, phone
):
    from samen.places.models import Place

    borgerhout = Place.objects.get(code="11002S")
    coordinator = make_person(Role.DISTRICT_COORDINATOR, "lies.claes@samen.test", borgerhout)
    house = Organisation.objects.create(
        name="Districtshuis Borgerhout",
        policy_level=PolicyLevel.DISTRICT,
        sector=Organisation.Sector.CITY,
        district=borgerhout,
    )
    today = datetime.date.today()
    strategy = Strategy.objects.create(
        title="Samen leven in de stad",
        level=PolicyLevel.MUNICIPAL,
        owner=house,
        starts=today.replace(month=1, day=1),
        status=Strategy.Status.IN_FORCE,
    )
    plan = ActionPlan.objects.create(
        strategy=strategy,
        title="Districtsplan Borgerhout",
        starts=today - datetime.timedelta(days=90),
        ends=today + datetime.timedelta(days=270),
        owner=house,
        district=borgerhout,
        status=ActionPlan.Status.ADOPTED,
    )
    action = Action.objects.create(
        plan=plan,
        code="B1",
        title="Buurtgesprekken op het plein",
        owner=house,
        status=Action.Status.RUNNING,
        life_domains=["housing"],
        planned_start=plan.starts,
        planned_end=plan.ends,
    )
    racism_rises_in(borgerhout)

    page = phone
    refused = csp_refusals(page)
    sign_in(page, live_server.url, coordinator)

    page.goto(f"{live_server.url}/policy/match/11002S/")
    unanswered = page.locator("ul.uncovered")
    assert "Stijgende signalen over racisme en discriminatie in Borgerhout" in (
        unanswered.inner_text()
    )
    assert axe_violations(page, "main") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="Districtsplan Borgerhout").click()
    page.wait_for_url(f"**/policy/plans/{plan.pk}/")
    page.get_by_role("link", name="Buurtgesprekken op het plein").click()
    page.wait_for_url(f"**/policy/actions/{action.pk}/")

    form = page.locator("#record-progress form")
    assert form.evaluate(OVERLAP) == []
    assert axe_violations(page, "main") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    form.locator("input[name=progress]").fill("40")
    form.locator("textarea[name=note]").fill("Drie gesprekken gehouden, goed opgekomen.")
    form.get_by_role("button", name="Voortgang registreren").click()
    page.wait_for_url(f"**/policy/actions/{action.pk}/")
    assert "De voortgang is geregistreerd." in page.locator("main").inner_text()

    action.refresh_from_db()
    assert action.progress == 40
    update = ProgressUpdate.objects.get(action=action)
    assert update.by == coordinator and update.progress == 40
    assert refused == []
