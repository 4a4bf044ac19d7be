"""The administration site: administrators manage the platform, never the case consultation."""

import pytest
from django.urls import reverse

from tests.conftest import get_as

pytestmark = pytest.mark.django_db

# notifications: the outbox of notification e-mails, to see which failed (never their content).
EXPECTED_APPS = {
    "people",
    "places",
    "signals",
    "communities",
    "mediation",
    "policy",
    "notifications",
    "indicators",
    "monitor",
    "api",
    "exchange",
}


def test_the_index_lists_no_case_consultation(client, personas):
    response = get_as(client, personas.admin, reverse("admin:index"))
    assert response.status_code == 200
    apps = {app["app_label"] for app in response.context["app_list"]}
    assert "cases" not in apps
    assert apps <= EXPECTED_APPS
    models = {m["object_name"] for app in response.context["app_list"] for m in app["models"]}
    assert {"User", "Organisation", "Team", "Place", "Category", "Theme"} <= models
    assert not models & {"CoreSeat", "Delegation", "Invitation", "Case", "Group"}


@pytest.mark.parametrize(
    "path",
    [
        "/admin/cases/",
        "/admin/cases/coreseat/",
        "/admin/cases/coreseat/add/",
        "/admin/cases/delegation/",
        "/admin/cases/invitation/",
        "/admin/cases/case/",
    ],
)
def test_case_consultation_urls_are_404_for_administrators(client, personas, path):
    assert get_as(client, personas.admin, path).status_code == 404


def test_groups_and_permissions_are_not_administered(client, personas):
    assert get_as(client, personas.admin, "/admin/auth/group/").status_code == 404


@pytest.mark.parametrize(
    "who", ["analyst", "coordinator", "frontline", "prevention", "partner", "dpo"]
)
def test_other_roles_are_refused(client, personas, who):
    response = get_as(client, getattr(personas, who), reverse("admin:index"), follow=True)
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_the_sign_in_page(client):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
