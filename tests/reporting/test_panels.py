"""The home panel of reports waiting for a maker, and the navigation entry."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samen.core.navigation import nav_items_for
from samen.reporting.actions import level_report_draw
from tests.conftest import get_as


def test_a_draft_waits_on_the_home_page_of_the_other_maker(client, personas):
    report = level_report_draw(by=personas.analyst, year=2025)
    link = reverse("reporting:report", args=[report.pk]).encode()
    assert link in get_as(client, personas.admin, reverse("home")).content
    assert link not in get_as(client, personas.analyst, reverse("home")).content


@pytest.mark.parametrize(
    "role, shown",
    [("analyst", True), ("admin", True), ("dpo", True), ("partner", True), ("coordinator", False)],
)
def test_the_navigation_entry(personas, role, shown):
    urls = {item.url_name for item in nav_items_for(getattr(personas, role))}
    assert ("reporting:list" in urls) is shown
