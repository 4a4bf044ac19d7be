"""How allauth treats staff accounts (samen/people/adapters.py)."""

from django.test import RequestFactory

from samen.people.adapters import StaffAccountAdapter


def test_nobody_signs_up_by_themselves():
    assert StaffAccountAdapter().is_open_for_signup(RequestFactory().get("/")) is False


def test_the_sign_up_page_is_closed(client, db):
    response = client.get("/accounts/signup/")
    assert "account/signup_closed.html" in [t.name for t in response.templates]
    assert b'name="password1"' not in response.content
