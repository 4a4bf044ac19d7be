"""The navigation in every page's context (samen/core/context_processors.py)."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from samen.core.context_processors import navigation


def request_of(user, **attributes):
    request = RequestFactory().get("/")
    request.user = user
    for name, value in attributes.items():
        setattr(request, name, value)
    return request


def test_a_signed_in_person_gets_their_navigation_and_the_nonce(personas):
    context = navigation(request_of(personas.analyst, csp_nonce="abc"))
    assert context["csp_nonce"] == "abc"
    assert context["nav_items"]
    assert context["two_factor_missing"] is False


def test_without_a_required_second_factor_there_is_no_navigation(personas):
    context = navigation(request_of(personas.admin, two_factor_missing=True))
    assert context["nav_items"] == []
    assert context["two_factor_missing"] is True


def test_an_anonymous_visitor_gets_no_navigation(db):
    context = navigation(request_of(AnonymousUser()))
    assert context == {"csp_nonce": "", "nav_items": [], "two_factor_missing": False}
