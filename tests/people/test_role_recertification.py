"""Elevated roles lapse unless another administrator re-confirms them every six months."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.audit.models import AuditRecord
from samen.people.actions import (
    role_lapses_record,
    staff_member_change_role,
    staff_member_reconfirm_role,
)
from samen.people.models import User
from samen.people.tasks import record_role_lapses_nightly
from tests.conftest import get_as, make_person

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 1, 15, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def six_months(settings):
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 6


@pytest.fixture
def granted(db):
    """Two administrators and an analyst, granted on 15 January 2026."""
    from samen.people.roles import Role

    with time_machine.travel(START, tick=False):
        first = make_person(Role.ADMINISTRATOR, "eerste@samen.test")
        second = make_person(Role.ADMINISTRATOR, "tweede@samen.test")
        analyst = make_person(Role.FRONTLINE_WORKER, "analist2@samen.test")
        staff_member_change_role(by=first, member=analyst, role=Role.POLICY_ANALYST)
    return first, second, User.objects.get(pk=analyst.pk)


def test_a_grant_records_who_and_when(granted):
    first, _second, analyst = granted
    assert analyst.role_granted_by == first
    assert analyst.role_granted_at == START
    assert analyst.role_lapses_on == datetime.date(2026, 7, 15)


def test_the_role_lapses_after_six_months_and_its_powers_are_gone(client, granted):
    first, second, analyst = granted
    with time_machine.travel(datetime.datetime(2026, 7, 14, 21, 0, tzinfo=datetime.UTC)):
        client.force_login(second)
        assert client.get(reverse("admin:people_user_changelist")).status_code == 200
        assert User.objects.get(pk=second.pk).has_perm("people.change_user")
    with time_machine.travel(datetime.datetime(2026, 7, 15, 8, 0, tzinfo=datetime.UTC)):
        second = User.objects.get(pk=second.pk)
        assert second.role_lapsed
        assert not second.has_perm("people.change_user")
        client.force_login(second)  # the idle timeout ended the evening's session
        response = client.get(reverse("admin:people_user_changelist"))
        assert response.status_code == 302 and response.url == reverse("account_login")
        # Signed out, with a message telling why; the account itself stays.
        page = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="nl")
        assert "niet op tijd herbevestigd" in page.content.decode()
        assert client.get(reverse("home")).status_code == 302
        assert User.objects.get(pk=second.pk).is_active


def test_a_lapsed_analyst_is_signed_out_on_every_page(client, granted):
    _first, _second, analyst = granted
    with time_machine.travel(datetime.datetime(2026, 8, 1, 9, 0, tzinfo=datetime.UTC)):
        for url in (reverse("home"), reverse("people:organisations"), reverse("monitor:overview")):
            response = get_as(client, analyst, url)
            assert response.status_code == 302 and response.url == reverse("account_login")


def test_a_re_confirmation_by_another_administrator_extends_the_role(client, granted):
    first, second, analyst = granted
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC)):
        staff_member_reconfirm_role(by=second, member=first)
        staff_member_reconfirm_role(by=second, member=analyst)
    first = User.objects.get(pk=first.pk)
    assert first.role_confirmed_by == second
    assert first.role_lapses_on == datetime.date(2027, 1, 1)
    with time_machine.travel(datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.UTC)):
        assert get_as(client, first, reverse("admin:index")).status_code == 200
    record = AuditRecord.objects.filter(content_type__model="user", object_pk=str(first.pk))
    assert record.latest().actor == second
    assert "role_confirmed_at" in record.latest().changes


def test_nobody_re_confirms_their_own_role(granted):
    first, _second, _analyst = granted
    before = User.objects.get(pk=first.pk).role_confirmed_at
    with pytest.raises(ValidationError, match="own role"):
        staff_member_reconfirm_role(by=first, member=first)
    assert User.objects.get(pk=first.pk).role_confirmed_at == before


def test_only_a_standing_administrator_re_confirms(granted, personas):
    first, second, analyst = granted
    with pytest.raises(ValidationError):
        staff_member_reconfirm_role(by=personas.dpo, member=analyst)
    # Both administrators lapsed: neither can revive the other.
    lapsed = datetime.datetime(2026, 8, 1, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(lapsed), pytest.raises(ValidationError):
        staff_member_reconfirm_role(by=User.objects.get(pk=second.pk), member=first)


def test_nobody_gives_themselves_an_elevated_role(personas):
    with pytest.raises(ValidationError):
        staff_member_change_role(by=personas.admin, member=personas.admin, role="analyst")
    with pytest.raises(ValidationError):
        staff_member_change_role(
            by=personas.admin, member=personas.admin, role="data_protection_officer"
        )
    assert User.objects.get(pk=personas.admin.pk).role == "administrator"


def test_own_role_in_the_re_confirm_admin_action_is_refused(client, granted):
    first, _second, _analyst = granted
    before = User.objects.get(pk=first.pk).role_confirmed_at
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC)):
        client.force_login(first)
        response = client.post(
            reverse("admin:people_user_changelist"),
            {"action": "reconfirm_role", "_selected_action": [first.pk]},
            follow=True,
        )
    assert response.status_code == 200
    assert User.objects.get(pk=first.pk).role_confirmed_at == before


def test_the_re_confirm_admin_action_confirms_others(client, granted):
    first, second, analyst = granted
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC)):
        client.force_login(second)
        client.post(
            reverse("admin:people_user_changelist"),
            {"action": "reconfirm_role", "_selected_action": [first.pk, analyst.pk]},
        )
    assert User.objects.get(pk=first.pk).role_confirmed_by == second
    assert User.objects.get(pk=analyst.pk).role_confirmed_by == second


def test_the_warning_shows_from_thirty_days_before(client, granted):
    first, second, analyst = granted
    # The personas fixture is granted today; only the January grants are due.
    with time_machine.travel(datetime.datetime(2026, 6, 14, 9, 0, tzinfo=datetime.UTC)):
        page = get_as(client, second, reverse("home"))
        assert page.status_code == 200
        assert b"reconfirm-title" not in page.content
    with time_machine.travel(datetime.datetime(2026, 6, 15, 9, 0, tzinfo=datetime.UTC)):
        page = get_as(client, second, reverse("home"))
        assert b"reconfirm-title" in page.content
        assert [m.pk for m in page.context["panels"][0].context["due"]] == sorted(
            [first.pk, second.pk, analyst.pk],
            key=lambda pk: User.objects.get(pk=pk).full_name,
        )
        # Not shown to people who cannot re-confirm.
        assert b"reconfirm-title" not in get_as(client, analyst, reverse("home")).content


def test_the_due_filter_lists_the_roles_to_re_confirm(client, granted, personas):
    first, second, analyst = granted
    with time_machine.travel(datetime.datetime(2026, 6, 20, 9, 0, tzinfo=datetime.UTC)):
        response = get_as(
            client, second, reverse("admin:people_user_changelist") + "?role_review=due"
        )
        shown = {row.pk for row in response.context["cl"].result_list}
    assert shown == {first.pk, second.pk, analyst.pk}


def test_a_lapse_is_audited_once_by_the_nightly_run(granted):
    first, second, analyst = granted
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC)):
        assert role_lapses_record(by=None) == []
        staff_member_reconfirm_role(by=second, member=analyst)
    with time_machine.travel(datetime.datetime(2026, 7, 16, 2, 45, tzinfo=datetime.UTC)):
        result = record_role_lapses_nightly.enqueue().return_value
        assert result["lapsed"] == 2
        assert role_lapses_record(by=None) == []  # once per lapse
    for person in (first, second):
        record = AuditRecord.objects.filter(
            content_type__model="user", object_pk=str(person.pk)
        ).latest()
        assert "role_lapse_recorded_at" in record.changes
        assert record.actor is None
    assert User.objects.get(pk=analyst.pk).role_lapse_recorded_at is None


def test_access_does_not_wait_for_the_nightly_run(granted):
    first, _second, _analyst = granted
    with time_machine.travel(datetime.datetime(2026, 7, 15, 0, 30, tzinfo=datetime.UTC)):
        person = User.objects.get(pk=first.pk)
        assert person.role_lapse_recorded_at is None
        assert person.role_lapsed


def test_the_months_are_configurable(granted, settings):
    first, _second, _analyst = granted
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 3
    assert User.objects.get(pk=first.pk).role_lapses_on == datetime.date(2026, 4, 15)


def test_roles_without_powers_never_lapse(personas):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3650)):
        assert not User.objects.get(pk=personas.frontline.pk).role_lapsed
        assert User.objects.get(pk=personas.admin.pk).role_lapsed


def test_six_months_is_the_default():
    from samen import settings as samen_settings

    assert samen_settings.SAMEN_ROLE_RECERTIFY_MONTHS == 6
    assert samen_settings.SAMEN_WELCOME_LINK_DAYS == 3


def test_a_lapsed_role_is_refused_on_the_api_too(granted):
    from rest_framework.test import APIClient

    from samen.api.tokens import api_token_issue

    _first, _second, analyst = granted
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, 0, tzinfo=datetime.UTC)):
        _token, secret = api_token_issue(by=analyst, two_factor=False)
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
        assert api.get("/api/signals/").status_code == 200
    with time_machine.travel(datetime.datetime(2026, 7, 16, 9, 0, tzinfo=datetime.UTC)):
        assert api.get("/api/signals/").status_code == 401
