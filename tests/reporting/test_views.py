"""The pages of the reports to other levels, for every persona, and an outsider refused."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from samen.reporting.actions import level_report_draw, level_report_send, level_report_sign_off
from samen.reporting.models import LevelReport
from tests.conftest import get_as


@pytest.fixture
def sent(personas, partners):
    report = level_report_sign_off(
        by=personas.analyst, report=level_report_draw(by=None, year=2024)
    )
    return level_report_send(by=personas.analyst, report=report, recipients=[partners.flemish])


@pytest.fixture
def draft(personas):
    return level_report_draw(by=personas.analyst, year=2025)


LIST = reverse("reporting:list")


@pytest.mark.parametrize(
    "role, status",
    [
        ("admin", 200),
        ("analyst", 200),
        ("dpo", 200),
        ("partner", 200),
        ("coordinator", 403),
        ("frontline", 403),
        ("prevention", 403),
    ],
)
def test_the_list_for_each_role(client, personas, sent, role, status):
    response = get_as(client, getattr(personas, role), LIST)
    assert response.status_code == status


def test_an_anonymous_visitor_is_sent_to_sign_in(client, sent):
    response = get_as(client, None, LIST)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    response = get_as(client, None, reverse("reporting:report", args=[sent.pk]))
    assert response.status_code == 302


def test_the_partner_reads_the_report_sent_to_them_and_nothing_else(client, personas, sent, draft):
    response = get_as(client, personas.partner, LIST)
    assert b"2024" in response.content and b"2025" not in response.content
    assert b"Draw a draft" not in response.content
    assert (
        get_as(client, personas.partner, reverse("reporting:report", args=[sent.pk])).status_code
        == 200
    )
    hidden = get_as(client, personas.partner, reverse("reporting:report", args=[draft.pk]))
    absent = get_as(client, personas.partner, reverse("reporting:report", args=[999_999]))
    assert hidden.status_code == absent.status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "frontline", "prevention"])
def test_others_get_no_report_and_no_download(client, personas, sent, role):
    person = getattr(personas, role)
    assert get_as(client, person, reverse("reporting:report", args=[sent.pk])).status_code == 404
    url = reverse("reporting:download", args=[sent.pk, "json"])
    assert get_as(client, person, url).status_code == 404


def test_the_detail_shows_every_section_and_the_next_step(client, personas, draft):
    response = get_as(client, personas.admin, reverse("reporting:report", args=[draft.pk]))
    page = response.content.decode()
    assert "Signals per district and category" in page
    assert "Tension levels per district" in page
    assert "Progress of the action plans" in page
    assert reverse("reporting:sign_off", args=[draft.pk]) in page
    # Its drawer is offered no sign-off.
    page = get_as(client, personas.analyst, reverse("reporting:report", args=[draft.pk])).content
    assert reverse("reporting:sign_off", args=[draft.pk]).encode() not in page


def test_downloads_are_the_stored_content(client, personas, sent):
    response = get_as(
        client, personas.partner, reverse("reporting:download", args=[sent.pk, "json"])
    )
    assert response.status_code == 200
    assert json.loads(response.content) == sent.content
    assert 'filename="samen-report-2024.json"' in response["Content-Disposition"]
    response = get_as(
        client, personas.partner, reverse("reporting:download", args=[sent.pk, "csv"])
    )
    assert response.content.decode().startswith("section,district,category,signals\n")
    assert (
        get_as(
            client, personas.partner, reverse("reporting:download", args=[sent.pk, "xml"])
        ).status_code
        == 404
    )


def test_an_analyst_draws_a_year_from_the_list(client, personas):
    client.force_login(personas.analyst)
    response = client.post(LIST, {"year": "2025"})
    report = LevelReport.objects.get(year=2025)
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:report", args=[report.pk])


def test_a_bad_year_is_refused_with_a_message_and_nothing_drawn(client, personas):
    client.force_login(personas.analyst)
    response = client.post(LIST, {"year": "1999"})
    assert response.status_code == 400
    assert b"error-summary" in response.content
    assert not LevelReport.objects.exists()


def test_a_partner_cannot_draw(client, personas, partners):
    client.force_login(personas.partner)
    assert client.post(LIST, {"year": "2025"}).status_code == 403
    assert not LevelReport.objects.exists()


def test_sign_off_then_send_through_the_pages(client, personas, partners, draft):
    client.force_login(personas.admin)
    client.post(reverse("reporting:sign_off", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == LevelReport.Status.SIGNED_OFF
    page = client.get(reverse("reporting:send", args=[draft.pk]))
    assert partners.flemish.name in page.content.decode()
    assert partners.city.name not in page.content.decode()
    response = client.post(
        reverse("reporting:send", args=[draft.pk]), {"recipients": [partners.federal.pk]}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == LevelReport.Status.SENT


def test_sending_without_recipients_shows_the_error_and_changes_nothing(
    client, personas, partners, draft
):
    client.force_login(personas.admin)
    client.post(reverse("reporting:sign_off", args=[draft.pk]))
    response = client.post(reverse("reporting:send", args=[draft.pk]), {})
    assert response.status_code == 400
    assert b"Choose at least one organisation" in response.content
    draft.refresh_from_db()
    assert draft.status == LevelReport.Status.SIGNED_OFF


def test_the_drawer_cannot_sign_off_through_the_page(client, personas, draft):
    client.force_login(personas.analyst)
    response = client.post(reverse("reporting:sign_off", args=[draft.pk]))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == LevelReport.Status.DRAFT


def test_draw_again_replaces_a_draft(client, personas, draft):
    client.force_login(personas.admin)
    client.post(reverse("reporting:draw_again", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.drawn_by == personas.admin


@pytest.mark.parametrize("name", ["draw_again", "sign_off"])
def test_a_partner_posting_to_a_draft_gets_404(client, personas, partners, draft, name):
    client.force_login(personas.partner)
    assert client.post(reverse(f"reporting:{name}", args=[draft.pk])).status_code == 404
