"""What each role may do in the administration (samen/people/permissions.py)."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from samen.people.permissions import ADMINISTRATOR_PERMISSIONS, permissions_of
from samen.people.roles import Role
from tests.conftest import get_as

SAMEN_APPS = {config.label for config in apps.get_app_configs() if config.name.startswith("samen.")}


def test_administrators_hold_the_listed_permissions():
    assert permissions_of(Role.ADMINISTRATOR) == ADMINISTRATOR_PERMISSIONS
    assert "people.change_user" in ADMINISTRATOR_PERMISSIONS
    assert "policy.view_action" in ADMINISTRATOR_PERMISSIONS


def test_people_are_never_deleted_and_the_policy_only_read():
    assert "people.delete_user" not in ADMINISTRATOR_PERMISSIONS
    assert not any(p.startswith("policy.") and "view_" not in p for p in ADMINISTRATOR_PERMISSIONS)


def test_nothing_of_the_case_consultation_is_in_the_administration():
    assert not any(p.startswith("cases.") for p in ADMINISTRATOR_PERMISSIONS)


def test_other_roles_hold_no_permission():
    for role in Role:
        if role != Role.ADMINISTRATOR:
            assert permissions_of(role) == frozenset()


# Third-party registrations the administrator is given no permission on, on purpose: each holds
# secrets or other people's sign-in details, and Samen has its own pages or commands for them.
CLOSED_REGISTRATIONS = {
    "account.emailaddress": "e-mail addresses are changed on the staff record",
    "usersessions.usersession": "each person ends their own sessions on their account page",
    "axes.accessattempt": "sign-in attempts name addresses and IPs; the lockout lifts by itself",
    "axes.accessfailurelog": "sign-in failures name addresses and IPs",
    "axes.accesslog": "sign-ins name addresses and IPs",
    "knox.authtoken": "API tokens are issued and revoked through Samen's own pages",
    "django_tasks_database.dbtaskresult": "task results are the operators', on the server",
}


def registered_models() -> list[str]:
    return sorted(
        model._meta.label_lower for model in apps.get_models() if admin.site.is_registered(model)
    )


def test_every_samen_page_of_the_administration_is_readable_by_the_administrator():
    for label in registered_models():
        if label in CLOSED_REGISTRATIONS:
            assert label.split(".")[0] not in SAMEN_APPS, label
            continue
        app_label, model_name = label.split(".")
        assert f"{app_label}.view_{model_name}" in ADMINISTRATOR_PERMISSIONS, label


def test_the_closed_registrations_grant_nothing_and_are_still_registered():
    assert set(CLOSED_REGISTRATIONS) <= set(registered_models())
    for label in CLOSED_REGISTRATIONS:
        assert not any(p.startswith(label.split(".")[0] + ".") for p in ADMINISTRATOR_PERMISSIONS)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/indicators/", "/admin/monitor/", "/admin/signals/"])
def test_the_administrator_opens_each_module_s_administration(client, personas, path):
    assert get_as(client, personas.admin, path).status_code == 200


@pytest.mark.django_db
def test_the_administrator_opens_every_list_of_the_administration(client, personas):
    for label in registered_models():
        if label in CLOSED_REGISTRATIONS:
            continue
        app_label, model_name = label.split(".")
        url = reverse(f"admin:{app_label}_{model_name}_changelist")
        assert get_as(client, personas.admin, url).status_code == 200, label
    url = reverse("admin:knox_authtoken_changelist")
    assert get_as(client, personas.admin, url).status_code == 403


@pytest.mark.django_db
def test_the_indicators_and_the_tension_levels_stay_read_only_where_they_should(client, personas):
    for url_name in ("admin:monitor_tensionlevel_add", "admin:indicators_dataimport_add"):
        assert get_as(client, personas.admin, reverse(url_name)).status_code == 403
    url = reverse("admin:indicators_dataelement_add")
    assert get_as(client, personas.admin, url).status_code == 200
