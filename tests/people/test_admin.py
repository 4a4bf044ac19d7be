"""The administration of staff accounts: no passwords, no superusers, roles re-confirmed."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from samen.audit.models import AuditRecord
from samen.people.models import User
from tests.conftest import get_as

pytestmark = pytest.mark.django_db

ADD = reverse("admin:people_user_add")


def change_url(person):
    return reverse("admin:people_user_change", args=[person.pk])


def test_the_add_form_has_no_password_fields(client, personas):
    response = get_as(client, personas.admin, ADD)
    assert response.status_code == 200
    fields = response.context["adminform"].form.fields
    assert "password1" not in fields and "password2" not in fields
    assert b'type="password"' not in response.content


def test_creating_a_person_mails_them_a_sign_in_link(
    client, personas, django_capture_on_commit_callbacks
):
    client.force_login(personas.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADD,
            {
                "email": "Nieuw@Samen.test",
                "full_name": "Nora Nieuw",
                "role": "frontline_worker",
                "home_district": personas.borgerhout.pk,
                "memberships-TOTAL_FORMS": "0",
                "memberships-INITIAL_FORMS": "0",
            },
        )
    assert response.status_code == 302, response.content
    person = User.objects.get(email="nieuw@samen.test")
    assert not person.has_usable_password()
    assert person.role_granted_by == personas.admin
    assert [m.to for m in mail.outbox] == [["nieuw@samen.test"]]
    link = re.search(r"http://testserver/people/welcome/\S+/", mail.outbox[0].body).group(0)
    assert client.get(link).status_code == 200
    created = AuditRecord.objects.get(
        content_type__model="user", object_pk=str(person.pk), action=AuditRecord.Action.CREATE
    )
    assert created.actor == personas.admin


def test_the_change_form_sets_no_password_and_no_superuser(client, personas):
    response = get_as(client, personas.admin, change_url(personas.frontline))
    assert response.status_code == 200
    fields = response.context["adminform"].form.fields
    for forbidden in ("password", "is_superuser", "is_staff", "groups", "user_permissions"):
        assert forbidden not in fields
    assert b"password/" not in response.content  # no link to a password form


def test_the_password_form_of_another_person_is_refused(client, personas):
    url = reverse("admin:auth_user_password_change", args=[personas.frontline.pk]).replace(
        "auth/user", "people/user"
    )
    before = User.objects.get(pk=personas.frontline.pk).password
    assert get_as(client, personas.admin, url).status_code == 403
    response = client.post(url, {"password1": "een nieuw wachtwoord", "password2": "x"})
    assert response.status_code == 403
    assert User.objects.get(pk=personas.frontline.pk).password == before


def test_posting_superuser_or_staff_changes_nothing(client, personas):
    client.force_login(personas.admin)
    response = client.post(
        change_url(personas.frontline),
        {
            "email": personas.frontline.email,
            "full_name": "Frontline Hernoemd",
            "role": "frontline_worker",
            "home_district": personas.borgerhout.pk,
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(pk=personas.frontline.pk)
    assert person.full_name == "Frontline Hernoemd"
    assert not person.is_superuser and not person.is_staff


def test_a_role_changed_in_the_administration_is_a_new_grant(client, personas):
    client.force_login(personas.admin)
    response = client.post(
        change_url(personas.frontline),
        {
            "email": personas.frontline.email,
            "full_name": personas.frontline.full_name,
            "role": "policy_analyst",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(pk=personas.frontline.pk)
    assert person.role == "policy_analyst"
    assert person.role_granted_by == personas.admin
    assert person.role_confirmed_by == personas.admin


def test_administrators_cannot_change_their_own_role(client, personas):
    response = get_as(client, personas.admin, change_url(personas.admin))
    assert response.context["adminform"].form.fields["role"].disabled


def test_an_administrator_resends_the_link(client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:people_user_changelist"),
            {"action": "send_welcome_link", "_selected_action": [personas.frontline.pk]},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[personas.frontline.email]]
    record = AuditRecord.objects.filter(
        content_type__model="user", object_pk=str(personas.frontline.pk)
    ).latest()
    assert record.actor == personas.admin and "welcome_sent_at" in record.changes


def test_administrators_are_not_superusers(personas):
    assert not personas.admin.is_superuser
    assert personas.admin.has_perm("people.change_user")
    assert not personas.admin.has_perm("people.delete_user")
    assert not personas.admin.has_module_perms("cases")
    assert not any(p.startswith("cases.") for p in personas.admin.get_all_permissions())


def test_a_superuser_flag_in_the_database_grants_nothing(personas):
    User.objects.filter(pk=personas.frontline.pk).update(is_superuser=True, is_staff=True)
    person = User.objects.get(pk=personas.frontline.pk)
    assert not person.has_perm("people.change_user")
    assert not person.has_module_perms("people")


@pytest.mark.parametrize(
    "who", ["analyst", "coordinator", "frontline", "prevention", "partner", "dpo", None]
)
def test_only_administrators_open_the_staff_administration(client, personas, who):
    person = getattr(personas, who) if who else None
    for url in (reverse("admin:people_user_changelist"), ADD, change_url(personas.frontline)):
        response = get_as(client, person, url, follow=True)
        if person is None:
            assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
        else:
            assert response.status_code == 403
