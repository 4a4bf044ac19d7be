"""A member signs in with their second factor, acknowledges the rules and prints a case: every
printed page carries their name and the time (the watermark is a fixed element in print)."""

import pytest

from samen.cases.models import Acknowledgement
from tests.cases.conftest import build_table
from tests.e2e.conftest import csp_refusals, sign_in

# A live-server test empties every table when it ends, the signal categories of the
# migrations too: this file sorts after test_file_a_signal.py, which needs them.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_member_passes_totp_and_the_rules_and_prints_a_watermarked_case(
    live_server, page, personas
):
    table = build_table(personas)
    chair = table.prevention
    Acknowledgement.objects.filter(user=chair).delete()
    violations = csp_refusals(page)
    sign_in(page, live_server.url, chair)

    case_url = f"{live_server.url}/cases/{table.case.pk}/"
    page.goto(case_url)
    assert "/cases/acknowledge/" in page.url  # the rules come first
    page.locator("input[name=agree]").check()
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(case_url)
    assert table.case.reference in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_text("Jan Peeters").is_visible()

    page.goto(f"{case_url}export/")
    page.emulate_media(media="print")
    watermark = page.locator(".watermark")
    assert chair.full_name in watermark.inner_text()
    assert watermark.evaluate("e => getComputedStyle(e).position") == "fixed"
    assert watermark.is_visible()
    head = page.locator(".export-running-head")
    assert head.evaluate("e => getComputedStyle(e).position") == "fixed"
    assert chair.email in head.inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1
    assert violations == []
