"""GET /api/statistics/: suppressed counts for the statistics roles and for partner tokens
with statistics:read; nothing under 5 ever leaves as a number."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from samen.api.scopes import CIRCULARS_READ, STATISTICS_READ
from samen.audit.models import AuditRecord
from samen.people.actions import organisation_create
from samen.privacy.small_cells import HIDDEN, SMALL
from tests.api.conftest import issue, partner_client
from tests.signals.test_statistics import march  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

URL = "/api/statistics/"
MARCH_ONLY = {"since": "2026-03-01", "until": "2026-03-31"}


@pytest.fixture
def partner_organisation(db):
    return organisation_create(by=None, name="Federale Politie Statistiek", policy_level="federal")


def as_person(person) -> APIClient:
    client = APIClient()
    client.force_authenticate(person)
    return client


def cell(data, district: str, period: str, code: str):
    column = [c["code"] for c in data["columns"]].index(code)
    (row,) = [r for r in data["rows"] if r["district_name"] == district and r["period"] == period]
    return row["counts"][column]


def numbers_under_five(data) -> list:
    return [n for row in data["rows"] for n in row["counts"] if isinstance(n, int) and 0 < n < 5]


@pytest.mark.usefixtures("march")
def test_an_analyst_reads_the_suppressed_counts(
    personas,
):
    answer = as_person(personas.analyst).get(URL, MARCH_ONLY)
    assert answer.status_code == 200
    data = answer.json()
    assert data["columns"][0]["code"] == "all" and data["granularity"] == "month"
    assert cell(data, "Borgerhout", "2026-03", "all") == 9
    assert cell(data, "Borgerhout", "2026-03", "housing") == SMALL
    # 9 - 7 would give the housing count away: the 7 is hidden as well.
    assert cell(data, "Borgerhout", "2026-03", "racism") == HIDDEN
    assert numbers_under_five(data) == []


@pytest.mark.parametrize("granularity", ["month", "week"])
@pytest.mark.parametrize("level", ["category", "group"])
@pytest.mark.usefixtures("march")
def test_nothing_unsuppressed_ever_leaves(personas, granularity, level):
    data = (
        as_person(personas.admin)
        .get(URL, {**MARCH_ONLY, "granularity": granularity, "level": level})
        .json()
    )
    assert data["rows"] and numbers_under_five(data) == []
    shown = {n for row in data["rows"] for n in row["counts"]}
    assert SMALL in shown
    assert shown <= {SMALL, HIDDEN} | {n for n in shown if isinstance(n, int)}


@pytest.mark.usefixtures("march")
def test_a_partner_token_with_the_scope_reads_the_same_table(
    personas,
    partner_organisation,
):
    _token, key = issue(personas, partner_organisation, scopes=[STATISTICS_READ])
    answer = partner_client(key).get(URL, MARCH_ONLY)
    assert answer.status_code == 200
    assert answer.json() == as_person(personas.analyst).get(URL, MARCH_ONLY).json()
    record = AuditRecord.objects.filter(additional_data__export__format="json").first()
    partner_reads = [
        r
        for r in AuditRecord.objects.filter(actor__isnull=True)
        if "partner_token" in (r.additional_data or {}).get("export", {})
    ]
    assert record is not None and len(partner_reads) == 1
    assert partner_reads[0].additional_data["export"]["partner_token"]["organisation"] == (
        partner_organisation.name
    )


@pytest.mark.usefixtures("march")
def test_a_partner_token_without_the_scope_is_refused(
    personas,
    partner_organisation,
):
    _token, key = issue(personas, partner_organisation, scopes=[CIRCULARS_READ])
    answer = partner_client(key).get(URL, MARCH_ONLY)
    assert answer.status_code == 403 and "rows" not in answer.json()


@pytest.mark.parametrize("role", ["coordinator", "frontline", "prevention", "partner", "dpo"])
@pytest.mark.usefixtures("march")
def test_people_without_the_statistics_export_are_refused(personas, role):
    before = AuditRecord.objects.count()
    assert as_person(getattr(personas, role)).get(URL, MARCH_ONLY).status_code == 403
    assert AuditRecord.objects.count() == before


@pytest.mark.usefixtures("march")
def test_anonymous_requests_are_refused():
    assert APIClient().get(URL, MARCH_ONLY).status_code in (401, 403)


@pytest.mark.parametrize(
    "query",
    [
        {"since": "2026-03-31", "until": "2026-03-01"},
        {"since": "1999-12-31", "until": "2000-01-31"},
        {"since": "2020-01-01", "until": "2026-03-01"},
        {"granularity": "day"},
        {"since": "yesterday"},
    ],
)
def test_a_bad_request_answers_400(personas, query):
    assert as_person(personas.analyst).get(URL, query).status_code == 400


@pytest.mark.usefixtures("march")
def test_every_read_is_recorded(
    personas,
):
    before = AuditRecord.objects.count()
    as_person(personas.analyst).get(URL, MARCH_ONLY)
    record = AuditRecord.objects.order_by("-pk").first()
    assert AuditRecord.objects.count() == before + 1
    assert record.actor == personas.analyst
    assert record.additional_data["export"]["filters"]["since"] == "2026-03-01"
