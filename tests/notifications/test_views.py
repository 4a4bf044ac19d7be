"""The notification centre and the preferences page, for every persona."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.notifications import notify
from samen.notifications.models import Notification, Preference
from tests.conftest import get_as

CENTRE = reverse("notifications:centre")
PREFERENCES = reverse("notifications:preferences")
READ_ALL = reverse("notifications:read_all")


def test_anonymous_visitors_are_sent_to_sign_in(client, personas, kinds):
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/x/")
    for url in (CENTRE, PREFERENCES):
        response = get_as(client, None, url)
        assert response.status_code == 302 and "/accounts/login/" in response.url
    for url in (reverse("notifications:open", args=[notification.pk]), READ_ALL):
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url
    assert Notification.objects.get().read_at is None


def test_every_persona_sees_their_own_notifications_and_nobody_elses(client, personas, kinds):
    everyone = list(personas.all().values())
    for person in everyone:
        notify(
            "test.open",
            recipients=[person],
            params={"subject": f"Subject of {person.email}"},
            url="/x/",
        )
    for person in everyone:
        response = get_as(client, person, CENTRE)
        assert response.status_code == 200
        assert f"Subject of {person.email}" in response.text
        for other in everyone:
            if other != person:
                assert f"Subject of {other.email}" not in response.text


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, personas, kinds):
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/signals/3/")
    client.force_login(personas.frontline)
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response.url == "/signals/3/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_nobody_opens_another_persons_notification_and_absent_is_the_same(client, personas, kinds):
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/signals/3/")
    for person in personas.all().values():
        if person == personas.frontline:
            continue
        client.force_login(person)
        forbidden = client.post(reverse("notifications:open", args=[notification.pk]))
        absent = client.post(reverse("notifications:open", args=[notification.pk + 1000]))
        assert forbidden.status_code == absent.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_opening_is_post_only(client, personas, kinds):
    (notification,) = notify("test.open", recipients=[personas.frontline], url="/x/")
    client.force_login(personas.frontline)
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 405
    assert client.get(READ_ALL).status_code == 405


def test_mark_all_read_touches_only_the_readers_own(client, personas, kinds):
    notify("test.open", recipients=[personas.frontline, personas.coordinator], url="/x/")
    notify("test.open", recipients=[personas.frontline], url="/y/")
    client.force_login(personas.frontline)
    assert client.post(READ_ALL).status_code == 302
    assert not Notification.objects.filter(recipient=personas.frontline, read_at=None).exists()
    assert Notification.objects.get(recipient=personas.coordinator).read_at is None


def test_the_header_counts_unread_notifications_on_every_page(client, personas, kinds):
    notify("test.open", recipients=[personas.frontline], url="/x/")
    notify("test.open", recipients=[personas.frontline], url="/y/")
    response = get_as(client, personas.frontline, reverse("home"))
    assert response.context["notifications_header"].unread == 2
    assert 'class="notification-count"' in response.text
    response = get_as(client, personas.coordinator, reverse("home"))
    assert response.context["notifications_header"].unread == 0
    response = get_as(client, None, reverse("account_login"))
    assert 'class="notification-count"' not in response.text


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [CENTRE, reverse("home")])
def test_the_query_count_does_not_grow_with_notifications(client, personas, kinds, url):
    client.force_login(personas.frontline)
    notify("test.open", recipients=[personas.frontline], url="/x/")
    client.get(url)  # the first request records the session
    before = queries(client, url)
    for number in range(25):
        notify("test.open", recipients=[personas.frontline], params={"subject": number}, url="/x/")
    assert queries(client, url) == before


def test_the_centre_speaks_the_readers_language(client, personas, kinds):
    client.force_login(personas.frontline)
    client.cookies["django_language"] = "fr"
    response = client.get(CENTRE)
    assert "Rien ne vous attend." in response.text


def test_preferences_list_the_kinds_with_their_defaults(client, personas, kinds):
    response = get_as(client, personas.frontline, PREFERENCES)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["test.open"].initial == "immediately"
    assert form["test.secret"].initial == "daily"


def test_every_persona_saves_their_own_preferences(client, personas, kinds):
    for person in personas.all().values():
        client.force_login(person)
        response = client.post(PREFERENCES, {"test.open": "weekly", "test.secret": "daily"})
        assert response.status_code == 302
        # Only the choice that differs from the default is stored.
        assert dict(Preference.objects.filter(person=person).values_list("kind", "delivery")) == {
            "test.open": "weekly"
        }


def test_an_unknown_delivery_changes_nothing(client, personas, kinds):
    client.force_login(personas.frontline)
    response = client.post(PREFERENCES, {"test.open": "hourly", "test.secret": "daily"})
    assert response.status_code == 200 and response.context["form"].errors
    assert not Preference.objects.exists()
