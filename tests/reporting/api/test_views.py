"""The reports API: a partner's token reads the reports sent to its organisation, with the
statistics scope; a person's token what the person reads; nothing else, same 404 for absent."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from samen.api.scopes import CIRCULARS_READ, STATISTICS_READ
from samen.reporting.actions import level_report_draw, level_report_send
from samen.reporting.content import as_csv
from tests.api.conftest import issue, partner_client
from tests.reporting.conftest import signed

LIST = reverse("reporting_api:reports")


@pytest.fixture
def reports(personas, partners):
    to_flemish = level_report_send(
        by=personas.analyst, report=signed(personas, 2024), recipients=[partners.flemish]
    )
    to_federal = level_report_send(
        by=personas.analyst, report=signed(personas, 2023), recipients=[partners.federal]
    )
    draft = level_report_draw(by=personas.analyst, year=2025)
    return to_flemish, to_federal, draft


def test_a_partner_token_lists_the_reports_sent_to_its_organisation(personas, partners, reports):
    to_flemish, _federal, _draft = reports
    _token, key = issue(personas, partners.flemish)
    response = partner_client(key).get(LIST)
    assert response.status_code == 200
    assert [r["year"] for r in response.json()] == [2024]
    assert response.json()[0]["content_sha256"] == to_flemish.content_sha256


def test_the_detail_is_the_frozen_content(personas, partners, reports):
    to_flemish, to_federal, draft = reports
    _token, key = issue(personas, partners.flemish)
    client = partner_client(key)
    response = client.get(reverse("reporting_api:report", args=[to_flemish.pk]))
    assert response.status_code == 200
    assert response.json()["content"] == to_flemish.content
    for other in (to_federal, draft):
        assert client.get(reverse("reporting_api:report", args=[other.pk])).status_code == 404
    assert client.get(reverse("reporting_api:report", args=[999_999])).status_code == 404


def test_the_csv(personas, partners, reports):
    to_flemish, to_federal, _draft = reports
    _token, key = issue(personas, partners.flemish)
    client = partner_client(key)
    response = client.get(reverse("reporting_api:report_csv", args=[to_flemish.pk]))
    assert response.status_code == 200
    assert response.content.decode() == as_csv(to_flemish.content)
    assert client.get(reverse("reporting_api:report_csv", args=[to_federal.pk])).status_code == 404


def test_a_token_without_the_statistics_scope_is_refused(personas, partners, reports):
    _token, key = issue(personas, partners.flemish, scopes=(CIRCULARS_READ,))
    assert partner_client(key).get(LIST).status_code == 403


def test_no_suppressed_count_leaves_unsuppressed(personas, partners, reports):
    to_flemish, _federal, _draft = reports
    _token, key = issue(personas, partners.flemish, scopes=(STATISTICS_READ,))
    body = partner_client(key).get(reverse("reporting_api:report", args=[to_flemish.pk])).json()
    signals = next(s for s in body["content"]["sections"] if s["code"] == "signals_per_district")
    assert all(row["signals"] not in (1, 2, 3, 4) for row in signals["rows"])


@pytest.mark.parametrize("role, count", [("analyst", 3), ("dpo", 3), ("partner", 1)])
def test_a_persons_session_reads_what_the_pages_show(personas, reports, role, count):
    client = APIClient()
    client.force_authenticate(getattr(personas, role))
    response = client.get(LIST)
    assert response.status_code == 200
    assert len(response.json()) == count


@pytest.mark.parametrize("role", ["coordinator", "frontline", "prevention"])
def test_other_people_are_refused(personas, reports, role):
    client = APIClient()
    client.force_authenticate(getattr(personas, role))
    assert client.get(LIST).status_code == 403


def test_anonymous_requests_are_refused(reports):
    assert APIClient().get(LIST).status_code in (401, 403)
