"""The header's count of unread notifications (samen/notifications/context_processors.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from samen.notifications import notify
from samen.notifications.context_processors import header_count

pytestmark = pytest.mark.django_db


def request_for(user, **attributes):
    request = RequestFactory().get("/")
    request.user = user
    for name, value in attributes.items():
        setattr(request, name, value)
    return request


def test_anonymous_visitors_and_half_signed_in_people_get_no_count(personas):
    assert header_count(request_for(AnonymousUser())) == {"notifications_header": None}
    half = request_for(personas.coordinator, two_factor_missing=True)
    assert header_count(half) == {"notifications_header": None}


def test_the_count_is_the_readers_own_unread_ones_counted_once(
    personas, kinds, django_assert_num_queries
):
    url = reverse("home")
    notify("test.open", recipients=[personas.frontline], params={"subject": "Een vraag"}, url=url)
    notify("test.open", recipients=[personas.analyst], params={"subject": "Een vraag"}, url=url)
    request = request_for(personas.frontline)
    header = header_count(request)["notifications_header"]
    with django_assert_num_queries(1):
        assert header.unread == 1
        assert header_count(request)["notifications_header"].unread == 1  # kept on the request
    assert header.url == reverse("notifications:centre")
