"""The one-time sign-in link with which a new person chooses their own password."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.people.actions import staff_member_create
from samen.people.models import User
from samen.people.welcome import make_token
from tests.conftest import get_as

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "zeven blauwe fietsen op het plein"


def new_person(by=None, **kwargs):
    return staff_member_create(
        by=by, email="nieuw@samen.test", full_name="Nele Nieuw", role="frontline_worker", **kwargs
    )


def link_in(message) -> str:
    return re.search(r"https?://\S+/people/welcome/\S+/", message.body).group(0)


def set_password(client, url, password, second=None):
    return client.post(url, {"new_password1": password, "new_password2": second or password})


def test_a_created_account_has_no_password():
    assert not new_person().has_usable_password()


def test_creation_with_the_site_address_mails_a_link(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = new_person(welcome_url="https://samen.example/")
    assert [m.to for m in mail.outbox] == [[person.email]]
    message = mail.outbox[0]
    assert link_in(message).startswith("https://samen.example/people/welcome/")
    assert person.password not in message.body
    # Dutch first, then French and English, each with its own date conventions.
    assert message.body.index("Hallo") < message.body.index("Bonjour") < message.body.index("Hello")
    assert User.objects.get(pk=person.pk).welcome_sent_at is not None


def test_a_rolled_back_creation_sends_nothing(django_capture_on_commit_callbacks):
    new_person()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        new_person(welcome_url="https://samen.example/")  # same e-mail address: refused
    assert mail.outbox == []


def test_the_link_lets_the_person_choose_a_password_once(client):
    person = new_person()
    url = reverse("people:welcome", args=[make_token(person)])
    assert client.get(url).status_code == 200
    response = set_password(client, url, GOOD_PASSWORD)
    assert response.status_code == 302 and response.url == reverse("account_login")
    person.refresh_from_db()
    assert person.check_password(GOOD_PASSWORD)
    # Used: the password hash changed, so the same link now fails.
    assert client.get(url).status_code == 404
    assert set_password(client, url, "iets heel anders dan voorheen").status_code == 404
    person.refresh_from_db()
    assert person.check_password(GOOD_PASSWORD)


def test_after_the_link_the_person_signs_in_and_sets_up_a_second_factor(client):
    person = staff_member_create(
        by=None, email="dpo2@samen.test", full_name="Dirk Deprez", role="data_protection_officer"
    )
    url = reverse("people:welcome", args=[make_token(person)])
    set_password(client, url, GOOD_PASSWORD)
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": GOOD_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).url.startswith(reverse("mfa_activate_totp"))


def test_a_weak_password_is_refused_with_a_translated_message_and_nothing_changes(client):
    person = new_person()
    before = User.objects.get(pk=person.pk).password
    url = reverse("people:welcome", args=[make_token(person)])
    response = client.post(
        url,
        {"new_password1": "12345678", "new_password2": "12345678"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 200
    assert "Dit wachtwoord is te algemeen" in response.content.decode()
    assert User.objects.get(pk=person.pk).password == before
    assert client.get(url).status_code == 200  # the link still works


def test_two_different_passwords_are_refused(client):
    person = new_person()
    url = reverse("people:welcome", args=[make_token(person)])
    response = set_password(client, url, GOOD_PASSWORD, "een ander wachtwoord dus")
    assert response.status_code == 200
    assert not User.objects.get(pk=person.pk).has_usable_password()


def test_the_link_expires_after_the_configured_days(client, settings):
    settings.SAMEN_WELCOME_LINK_DAYS = 3
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        person = new_person()
        url = reverse("people:welcome", args=[make_token(person)])
        traveller.shift(datetime.timedelta(days=3) - datetime.timedelta(minutes=1))
        assert client.get(url).status_code == 200
        traveller.shift(datetime.timedelta(minutes=2))
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert response.status_code == 404
        assert "werkt niet meer" in response.content.decode()
        assert set_password(client, url, GOOD_PASSWORD).status_code == 404
    assert not User.objects.get(pk=person.pk).has_usable_password()


def test_a_forged_or_foreign_token_is_refused(client, personas):
    token = make_token(personas.frontline)
    assert client.get(reverse("people:welcome", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("people:welcome", args=["not-a-token"])).status_code == 404


def test_a_closed_account_link_is_refused(client, personas):
    from samen.people.actions import staff_member_deactivate

    person = new_person()
    url = reverse("people:welcome", args=[make_token(person)])
    staff_member_deactivate(by=personas.admin, member=person)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", [None, "admin", "frontline", "partner", "dpo"])
def test_the_page_answers_to_the_holder_of_the_link_only(client, personas, who):
    """The link is the key: whoever is signed in, a valid link opens, a bad one is 404."""
    person = new_person()
    good = reverse("people:welcome", args=[make_token(person)])
    bad = reverse("people:welcome", args=[make_token(person) + "0"])
    viewer = getattr(personas, who) if who else None
    assert get_as(client, viewer, good).status_code == 200
    assert get_as(client, viewer, bad).status_code == 404


def test_a_password_set_elsewhere_ends_the_link(client):
    person = new_person()
    url = reverse("people:welcome", args=[make_token(person)])
    from samen.people.seed import set_demo_password

    set_demo_password(person, GOOD_PASSWORD)
    assert client.get(url).status_code == 404
