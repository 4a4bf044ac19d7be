"""Loading the signed-in person on each request (samen/people/backends.py): with whether they
have an authenticator app, in one query, fresh on every request; nobody for a deactivated
account."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from samen.people.backends import StaffBackend
from samen.people.roles import Role
from tests.conftest import make_person
from tests.people.conftest import bare_page

pytestmark = pytest.mark.django_db


def test_the_person_comes_with_whether_they_have_an_authenticator_app_in_one_query(
    personas, django_assert_num_queries
):
    without = make_person(Role.ADMINISTRATOR, "new.admin@samen.test", with_totp=False)
    with django_assert_num_queries(1):
        admin = StaffBackend().get_user(personas.admin.pk)
        assert admin.has_authenticator_app is True
    assert StaffBackend().get_user(without.pk).has_authenticator_app is False


def test_nobody_for_a_deactivated_account_or_an_unknown_one(personas):
    personas.analyst.is_active = False
    personas.analyst.save()
    assert StaffBackend().get_user(personas.analyst.pk) is None
    assert StaffBackend().get_user(999_999) is None
    assert StaffBackend().get_user(personas.frontline.pk) == personas.frontline


@bare_page
def test_a_second_factor_removed_meanwhile_is_asked_for_at_the_next_request(client, personas):
    client.force_login(personas.admin)
    assert client.get("/bare/").status_code == 200
    Authenticator.objects.filter(user=personas.admin).delete()
    response = client.get("/bare/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp") + "?required=1"
