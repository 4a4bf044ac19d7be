"""The name a login attempt counts under for the lockout (samen/people/lockout.py)."""

from django.test import RequestFactory
from faker import Faker

from samen.people.lockout import login_name

fake = Faker("nl_BE")


def test_the_email_credential_is_lower_cased_and_stripped():
    email = fake.email()
    assert login_name(None, {"email": f"  {email.upper()} "}) == email.lower()


def test_the_username_credential_counts_when_there_is_no_email():
    assert login_name(None, {"username": "Jan@Samen.Test"}) == "jan@samen.test"


def test_the_login_field_of_the_form_counts_without_credentials():
    request = RequestFactory().post("/", {"login": "An.Peeters@Samen.Test"})
    assert login_name(request, None) == "an.peeters@samen.test"


def test_no_name_at_all_is_the_empty_string():
    assert login_name(RequestFactory().post("/"), {}) == ""
    assert login_name(None, None) == ""
