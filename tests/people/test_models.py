"""Staff members and their role's standing (samen/people/models.py)."""

import datetime

import pytest
from django.utils import timezone

from samen.people.models import User


def test_a_new_account_has_a_lower_cased_address_and_no_usable_password(db):
    user = User.objects.create_user("An.Peeters@Samen.TEST", full_name="An Peeters")
    assert user.email == "an.peeters@samen.test"
    assert not user.has_usable_password()
    with pytest.raises(ValueError):
        User.objects.create_user("", full_name="Niemand")


def test_names_of_a_person(personas):
    person = personas.frontline
    assert str(person) == person.full_name
    assert person.get_short_name() == person.full_name.split(" ")[0]
    assert User(email="x@samen.test").get_short_name() == "x@samen.test"


def test_city_wide_and_elevated_follow_the_role(personas):
    assert personas.analyst.is_city_wide and personas.analyst.role_is_elevated
    assert not personas.frontline.is_city_wide
    assert not personas.frontline.role_is_elevated
    assert personas.frontline.role_lapses_on is None
    assert not personas.frontline.role_lapsed


def test_an_elevated_role_lapses_after_the_months_without_confirmation(personas, settings):
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 6
    analyst = personas.analyst
    analyst.role_confirmed_at = timezone.now() - datetime.timedelta(days=200)
    assert analyst.role_lapsed
    analyst.role_confirmed_at = timezone.now()
    assert not analyst.role_lapsed
    analyst.role_confirmed_at = None
    assert analyst.role_lapses_on == timezone.localdate()
    assert analyst.role_lapsed


def test_permissions_follow_the_role_while_it_stands(personas, settings):
    admin = personas.admin
    assert admin.has_perm("people.view_user")
    assert admin.has_perms(["people.view_user", "places.view_place"])
    assert not admin.has_perm("people.view_user", obj=personas.frontline)
    assert not personas.frontline.has_perm("people.view_user")
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 1
    admin.role_confirmed_at = timezone.now() - datetime.timedelta(days=60)
    assert admin.get_all_permissions() == set()
    admin.role_confirmed_at = timezone.now()
    admin.is_active = False
    assert not admin.has_perm("people.view_user")
