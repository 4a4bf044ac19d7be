"""What the people module adds to pages (samen/people/panels.py)."""

import datetime

from django.test import RequestFactory
from django.utils import timezone

from samen.people.panels import (
    account_security,
    district_staff,
    roles_to_reconfirm,
    roles_to_reconfirm_panel,
)


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_home_page_says_whether_a_second_factor_is_set_up(personas):
    assert account_security(request_of(personas.admin))["has_totp"] is True
    assert account_security(request_of(personas.frontline))["has_totp"] is False


def test_the_district_page_counts_staff_for_the_directory_roles_only(personas):
    panel = district_staff(request_of(personas.coordinator), personas.borgerhout)
    assert panel["staff_count"] == 2  # the coordinator and the frontline worker
    assert district_staff(request_of(personas.frontline), personas.borgerhout) is None


def test_administrators_see_the_roles_about_to_lapse_soonest_first(personas, settings):
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 6
    assert roles_to_reconfirm_panel(request_of(personas.admin)) is None
    now = timezone.now()
    personas.analyst.role_confirmed_at = now - datetime.timedelta(days=170)
    personas.analyst.save()
    personas.dpo.role_confirmed_at = now - datetime.timedelta(days=200)
    personas.dpo.save()
    assert roles_to_reconfirm() == [personas.dpo, personas.analyst]
    panel = roles_to_reconfirm_panel(request_of(personas.admin))
    assert panel == {"due": [personas.dpo, personas.analyst], "me": personas.admin}
