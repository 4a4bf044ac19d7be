"""Personas shared by every test: one person per role, in two districts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from samen.people.actions import staff_member_create
from samen.people.roles import Role, requires_two_factor
from samen.people.seed import set_demo_password
from samen.places.models import Place

PASSWORD = "correct horse battery staple"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "antwerp"


@dataclass
class Personas:
    admin: object
    analyst: object
    coordinator: object  # Borgerhout
    frontline: object  # Borgerhout
    other_frontline: object  # Berchem: an outsider to Borgerhout
    prevention: object
    partner: object
    dpo: object
    borgerhout: Place
    berchem: Place

    def all(self) -> dict[str, object]:
        return {k: v for k, v in vars(self).items() if not isinstance(v, Place)}


def make_person(role: str, email: str, district: Place | None = None, *, with_totp=True):
    person = staff_member_create(
        by=None,
        email=email,
        full_name=email.split("@")[0].replace(".", " ").title(),
        role=role,
        home_district=district,
    )
    # Accounts are created without a password; tests give theirs as the demo seeder does.
    set_demo_password(person, PASSWORD)
    if with_totp and requires_two_factor(role):
        person.totp_secret = generate_totp_secret()
        TOTP.activate(person, person.totp_secret)
    return person


@pytest.fixture
def personas(db) -> Personas:
    borgerhout = Place.objects.get(code="11002S")
    berchem = Place.objects.get(code="11002T")
    return Personas(
        admin=make_person(Role.ADMINISTRATOR, "admin@samen.test"),
        analyst=make_person(Role.POLICY_ANALYST, "analyst@samen.test"),
        coordinator=make_person(Role.DISTRICT_COORDINATOR, "coordinator@samen.test", borgerhout),
        frontline=make_person(Role.FRONTLINE_WORKER, "frontline@samen.test", borgerhout),
        other_frontline=make_person(Role.FRONTLINE_WORKER, "berchem@samen.test", berchem),
        prevention=make_person(Role.PREVENTION_OFFICER, "prevention@samen.test"),
        partner=make_person(Role.PARTNER_PROFESSIONAL, "partner@samen.test"),
        dpo=make_person(Role.DATA_PROTECTION_OFFICER, "dpo@samen.test"),
        borgerhout=borgerhout,
        berchem=berchem,
    )


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"The city's open boundary data is not at {SHARED_DATA}.")
    return SHARED_DATA


def get_as(client, person, url, **kwargs):
    """GET `url` as `person` (None: anonymous)."""
    client.logout()
    if person is not None:
        client.force_login(person)
    return client.get(url, **kwargs)


def signed_in_a_while(client, person):
    """Sign `person` in as a browser that has been using Samen: the session's first request,
    which records its activity (samen.people.activity, at most once a minute), is behind it,
    so that a test pinning a page's queries counts the page's own."""
    client.force_login(person)
    client.get("/")
    return client


def without_tokens(content: bytes) -> bytes:
    """A page without its per-response secrets (CSP nonce, CSRF token), for comparisons."""
    content = re.sub(rb'nonce="[^"]+"', b'nonce=""', content)
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)
    return re.sub(rb'"X-CSRFToken": "[^"]+"', b"", content)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits live in the cache; each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_in_tests_by_default():
    """Commands and code outside a request speak English in tests, whatever ran before.

    Pages still choose their language per request (Dutch unless asked otherwise); tests of
    the Dutch and French texts say so with translation.override.
    """
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def elevated_roles_stay_confirmed_by_default(settings):
    """Tests that travel months ahead (follow-ups, retention) are about other things.

    In them, the personas' elevated roles would lapse after six months unconfirmed, as in
    production; tests of that re-confirmation set SAMEN_ROLE_RECERTIFY_MONTHS themselves.
    """
    settings.SAMEN_ROLE_RECERTIFY_MONTHS = 12 * 100
