"""The chair runs a case consultation meeting in headless Chromium: sign in with the second
factor, acknowledge the rules, schedule, agenda, attendance, minutes, a decision, and the
result on the case page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.cases.actions.cases import cycle_open
from samen.cases.models import AgendaItem, CoreSeat, Meeting
from samen.people.roles import Role
from tests.cases.conftest import invitation_create, open_case, seat_assign
from tests.conftest import make_person
from tests.e2e.conftest import csp_refusals, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def submit(page, action: str) -> None:
    page.locator(f"form[action='{action}'] button[type=submit]").click()
    page.wait_for_load_state()


def test_a_chair_runs_a_meeting_and_sees_it_on_the_case_page(live_server, page):
    today = timezone.localdate()
    chair = make_person(Role.PREVENTION_OFFICER, "voorzitter@samen.test")
    partner = make_person(Role.PARTNER_PROFESSIONAL, "jeugdhulp@samen.test")
    seat_assign(by=None, kind=CoreSeat.Kind.PREVENTION_OFFICIAL, user=chair)
    cycle_open(by=chair, title="Cyclus", starts_on=today, ends_on=today + datetime.timedelta(30))
    case = open_case()
    invitation_create(by=chair, case=case, user=partner, ends_on=today + datetime.timedelta(30))
    violations = csp_refusals(page)
    sign_in(page, live_server.url, chair)  # with the second factor

    # Before any meeting no case can be read: the rules name no meeting to acknowledge yet.
    page.goto(f"{live_server.url}{reverse('cases:list')}")
    assert reverse("cases:acknowledge") in page.url
    assert page.locator("input[name=agree]").count() == 0

    # Schedule (the list of meetings shows no case, so it needs no acknowledgement).
    page.goto(f"{live_server.url}{reverse('cases:meetings')}")
    page.locator("input[name=held_on]").fill(today.isoformat())
    page.locator("input[name=place]").fill("Stadhuis, vergaderzaal 2")
    page.locator("select[name=chair]").select_option(str(chair.pk))
    page.locator("form.stacked button[type=submit]").click()
    meeting = Meeting.objects.get()

    # The rules for this meeting first, then the meeting.
    page.wait_for_url(f"{live_server.url}{reverse('cases:acknowledge')}**")
    page.locator("input[name=agree]").check()
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}{reverse('cases:meeting', args=[meeting.pk])}")

    # Agenda, attendance, minutes and a decision.
    page.locator("select[name=case]").select_option(str(case.pk))
    submit(page, reverse("cases:meeting_agenda", args=[meeting.pk]))
    item = AgendaItem.objects.get(meeting=meeting)
    assert page.get_by_role("heading", name=f"1. {case.reference}").is_visible()
    page.locator(f"select[name=member-{partner.pk}]").select_option("present")
    page.locator(f"select[name=member-{chair.pk}]").select_option("present")
    submit(page, reverse("cases:meeting_attendance", args=[meeting.pk]))
    minutes = "Jeugdhulp heeft een huisbezoek gedaan; de school ziet verbetering."
    page.locator(f"textarea[name=item-{item.pk}-minutes]").fill(minutes)
    submit(page, reverse("cases:item_minutes", args=[meeting.pk, item.pk]))
    decision_form = f"form[action='{reverse('cases:item_decision', args=[meeting.pk, item.pk])}']"
    page.locator(f"{decision_form} textarea[name=text]").fill("Jeugdhulp plant een gesprek.")
    page.locator(f"{decision_form} select[name=owner]").select_option(str(partner.pk))
    due = (today + datetime.timedelta(days=14)).isoformat()
    page.locator(f"{decision_form} input[name=due_on]").fill(due)
    submit(page, reverse("cases:item_decision", args=[meeting.pk, item.pk]))
    attendance = page.locator("#attendance ul.members").inner_text()
    assert partner.full_name in attendance

    # The case page carries the minutes and the decision.
    page.goto(f"{live_server.url}{reverse('cases:detail', args=[case.pk])}")
    meetings_section = page.locator("#meetings").inner_text()
    assert minutes in meetings_section
    assert "Jeugdhulp plant een gesprek." in meetings_section
    assert violations == []
