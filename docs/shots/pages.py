"""The pages the user documentation shows, per module, in the order they are taken: each scene
signs one demo account in and saves its pages. Order matters: the coordinator changes their
password in the first scenes (the audit trail shows it) and gives up their mediation duty in
the last."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shots.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    IMAGES,
    LAPTOP,
    PHONE,
    PRINTED_PAGE,
    Shooter,
)
from shots.demo import (
    ANALYST,
    COORDINATOR,
    DISTRICT,
    DPO,
    FRONTLINE,
    MONITOR_DISTRICT,
    PREVENTION,
    end_mediation_duty,
)


@dataclass
class Demo:
    """What the scenes need from the demo copy: the password, the authenticators' secrets and
    the paths of the records shown."""

    password: str
    secrets: dict[str, str]
    paths: dict[str, str]

    @property
    def changed_password(self) -> str:
        """The coordinator's, from the password change on."""
        return self.password + "-nieuw"


def sign_in_on_a_phone(shooter: Shooter, demo: Demo) -> None:
    page = shooter.page(PHONE)
    shooter.open(page, "/accounts/login/")
    shooter.shoot(page, "sign-in-phone")
    page.context.close()


def coordinator_people_and_signals(shooter: Shooter, demo: Demo) -> None:
    """Home page with the account menu open, staff directory, a staff record (that read is
    what the audit screenshot shows later), a signal, and a password change."""
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
    form.locator("[name=oldpassword]").fill(demo.password)
    form.locator("[name=password1]").fill(demo.changed_password)
    form.locator("[name=password2]").fill(demo.changed_password)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    page.context.close()


def analyst_places_and_organisations(shooter: Shooter, demo: Demo) -> None:
    """City overview, district page, organisations; the district page on a phone."""
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

    page = shooter.page(PHONE)
    shooter.sign_in(page, ANALYST)
    shooter.open(page, f"/places/{DISTRICT}/")
    shooter.shoot(page, "places-district-phone")
    page.context.close()


def frontline_signal_intake(shooter: Shooter, demo: Demo) -> None:
    """The intake form on a phone."""
    page = shooter.page(PHONE)
    shooter.sign_in(page, FRONTLINE)
    shooter.open(page, "/signals/new/")
    shooter.shoot(page, "signals-new-phone")
    page.context.close()


def analyst_monitor(shooter: Shooter, demo: Demo) -> None:
    """A district's monitor, summary and weekly trend."""
    page = shooter.page({"width": DESKTOP["width"], "height": 1000})
    shooter.sign_in(page, ANALYST)
    shooter.open(page, f"/monitor/{MONITOR_DISTRICT}/")
    shooter.shoot(page, "monitor-district")
    page.context.close()


def analyst_indicators(shooter: Shooter, demo: Demo) -> None:
    """The indicators (synthetic figures): the context section of a district page, the
    indicators page with its map, neighbourhoods, and a phone."""
    page = shooter.page(LAPTOP)
    shooter.sign_in(page, ANALYST)
    shooter.open(page, f"/places/{DISTRICT}/")
    shooter.shoot_part(page, "section#context", "indicators-context")
    shooter.open(page, "/indicators/?indicator=child_deprivation&compare=2021")
    shooter.shoot(page, "indicators-page", full_page=True)
    shooter.open(
        page,
        f"/indicators/?indicator=social_housing_per_1000&level=neighbourhood&place={DISTRICT}01",
    )
    shooter.shoot(page, "indicators-neighbourhoods", full_page=True)
    page.context.close()
    page = shooter.page(PHONE)
    shooter.sign_in(page, ANALYST)
    shooter.open(page, "/indicators/?indicator=share_young")
    shooter.shoot(page, "indicators-phone")
    page.context.close()


def analyst_policy_match_and_progress(shooter: Shooter, demo: Demo) -> None:
    """The context match of the district with the demo's surge, the progress of the
    strategies and of the city's strategy, and the context match on a phone."""
    page = shooter.page(LAPTOP)
    shooter.sign_in(page, ANALYST)
    shooter.open(page, f"/policy/match/{MONITOR_DISTRICT}/")
    shooter.shoot(page, "policy-match", full_page=True)
    shooter.open(page, "/policy/progress/")
    shooter.shoot(page, "policy-progress")
    page.get_by_role("table").get_by_role("link").last.click()
    page.wait_for_load_state("networkidle")
    shooter.shoot(page, "policy-progress-strategy", full_page=True)
    page.context.close()
    page = shooter.page(PHONE)
    shooter.sign_in(page, ANALYST)
    shooter.open(page, f"/policy/match/{MONITOR_DISTRICT}/")
    shooter.shoot(page, "policy-match-phone")
    page.context.close()


def dpo_audit_trail(shooter: Shooter, demo: Demo) -> None:
    """The second step of signing in, then what the coordinator did."""
    page = shooter.page()
    shooter.sign_in(page, DPO)
    shooter.shoot(page, "sign-in-two-factor")
    shooter.two_factor(page, demo.secrets[DPO])
    shooter.open(page, "/audit/")
    filters = page.locator("form.filters")
    filters.locator("#id_actor").fill(COORDINATOR)
    filters.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    shooter.shoot(page, "audit-trail")
    page.context.close()


def frontline_mediation(shooter: Shooter, demo: Demo) -> None:
    """The frontline worker, who mediates: the mediations of their district, and one of
    their own with its parties (they are the mediator)."""
    page = shooter.page(LAPTOP)
    shooter.sign_in(page, FRONTLINE)
    shooter.open(page, "/mediation/")
    shooter.shoot(page, "mediation-list")
    shooter.open(page, demo.paths["mediation"])
    shooter.shoot(page, "mediation-detail-mediator", full_page=True)
    page.context.close()


def coordinator_communities(shooter: Shooter, demo: Demo) -> None:
    """The network of Borgerhout and a relationship there."""
    page = shooter.page({"width": 1200, "height": 1000})
    shooter.sign_in(page, COORDINATOR, demo.changed_password)
    shooter.open(page, "/communities/network/")
    shooter.shoot(page, "communities-network")
    page.set_viewport_size({"width": 1000, "height": 720})
    shooter.open(page, demo.paths["relationship"])
    shooter.shoot(page, "communities-relationship")
    page.context.close()


def prevention_case_consultation(shooter: Shooter, demo: Demo) -> None:
    """The prevention official, at the case consultation's table: the second factor, the
    rules of the meeting cycle, the case list, a case, a meeting, and the case printed (print
    styles: the reader's name and the time on every page)."""
    page = shooter.page(LAPTOP)
    shooter.sign_in(page, PREVENTION)
    shooter.two_factor(page, demo.secrets[PREVENTION])
    shooter.open(page, "/cases/")
    if "/cases/acknowledge/" not in page.url:
        raise SystemExit("The case list did not ask for the confidentiality rules.")
    shooter.shoot(page, "cases-acknowledge")
    page.locator("input[name=agree]").check()
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    shooter.shoot(page, "cases-list")
    shooter.open(page, demo.paths["case"])
    shooter.shoot(page, "cases-detail")
    # The latest assessment with what changed, the support plan's actions.
    shooter.shoot_part(page, "#assessments article.assessment", "case-work-assessment")
    shooter.shoot_part(page, "#support", "case-work-support-plan", until="ul.work-list")
    shooter.open(page, demo.paths["meeting"])
    shooter.shoot(page, "case-work-meeting")
    # One case on the agenda: its minutes and decisions, without the forms.
    shooter.shoot_part(
        page, "#agenda article.work-item", "case-work-agenda-item", until="ul.work-list"
    )
    page.set_viewport_size(PRINTED_PAGE)
    page.emulate_media(media="print")
    shooter.open(page, demo.paths["case_export"])
    shooter.shoot(page, "cases-export-print")
    page.context.close()


def coordinator_mediation_without_duty(shooter: Shooter, demo: Demo) -> None:
    """The same mediation as the district coordinator once they no longer coordinate
    mediation: its facts, and no party details."""
    end_mediation_duty(COORDINATOR)
    page = shooter.page({"width": DESKTOP["width"], "height": 480})
    shooter.sign_in(page, COORDINATOR, demo.changed_password)
    shooter.open(page, demo.paths["mediation"])
    shooter.shoot(page, "mediation-detail-coordinator")
    page.context.close()


SCENES = [
    sign_in_on_a_phone,
    coordinator_people_and_signals,
    analyst_places_and_organisations,
    frontline_signal_intake,
    analyst_monitor,
    analyst_indicators,
    analyst_policy_match_and_progress,
    dpo_audit_trail,
    frontline_mediation,
    coordinator_communities,
    prevention_case_consultation,
    coordinator_mediation_without_duty,
]


def take_screenshots(base: str, demo: Demo) -> list[Path]:
    """Sign in as the demo accounts and save the pages the user documentation shows."""
    from playwright.sync_api import sync_playwright

    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shooter = Shooter(browser, base, demo.password)
        try:
            for scene in SCENES:
                scene(shooter, demo)
        finally:
            browser.close()
    return shooter.saved
