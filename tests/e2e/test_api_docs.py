"""The API's documentation page in a browser: Swagger UI draws every endpoint under the strict
Content-Security-Policy, without any script or style refused."""

import pytest

from samen.people.roles import Role
from tests.conftest import make_person
from tests.e2e.conftest import csp_refusals, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_signed_in_analyst_reads_the_documentation(live_server, page):
    analyst = make_person(Role.POLICY_ANALYST, "lies.claes@samen.test")
    refused = csp_refusals(page)
    sign_in(page, live_server.url, analyst)
    page.goto(f"{live_server.url}/api/docs/")
    statistics = page.locator(".opblock-summary-path", has_text="/api/statistics/")
    statistics.first.wait_for()
    assert page.locator(".opblock").count() >= 14
    assert page.get_by_role("button", name="Authorize").is_visible()
    assert refused == []


def test_without_a_session_the_page_asks_for_a_token(live_server, page):
    refused = csp_refusals(page)
    page.goto(f"{live_server.url}/api/docs/")
    page.get_by_role("button", name="Authorize").or_(
        page.locator(".errors-wrapper")
    ).first.wait_for()
    assert refused == []
