"""The UI shell: security headers on every page, languages, admin, health check."""

import re

import pytest
from django.urls import reverse

from tests.conftest import get_as

pytestmark = pytest.mark.django_db


def pages(personas):
    return [
        (None, reverse("account_login")),
        (None, reverse("account_reset_password")),
        (personas.frontline, reverse("home")),
        (personas.analyst, reverse("places:city")),
        (personas.frontline, reverse("places:detail", args=["11002S"])),
        (personas.admin, reverse("people:directory")),
        (personas.admin, reverse("people:staff_member", args=[personas.frontline.pk])),
        (personas.analyst, reverse("people:organisations")),
        (personas.dpo, reverse("audit:trail")),
        (personas.admin, reverse("admin:index")),
        (personas.frontline, reverse("usersessions_list")),
        (personas.frontline, reverse("mfa_index")),
        (personas.analyst, reverse("places:detail", args=["NOPE"])),  # a 404 page
        (personas.analyst, reverse("admin:index")),  # the admin refusing
        (personas.partner, reverse("places:city")),  # a 403 page
    ]


def test_every_page_has_a_strict_csp_with_a_fresh_nonce(client, personas):
    seen_nonces = set()
    for person, url in pages(personas):
        response = get_as(client, person, url)
        policy = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'none'" in policy, url
        assert "frame-ancestors 'none'" in policy, url
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, url
        if response.status_code in (301, 302) or url.startswith("/admin/"):
            continue  # a redirect runs no script; Django's admin loads only script files
        found = re.search(r"script-src 'self' 'nonce-([^']+)'", policy)
        assert found, (url, response.status_code, policy)
        nonce = found.group(1)
        assert nonce not in seen_nonces
        seen_nonces.add(nonce)
        assert f'nonce="{nonce}"' in response.content.decode(), url


def test_pages_carry_the_other_security_headers(client, personas):
    response = get_as(client, personas.frontline, reverse("home"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_no_inline_script_or_style_in_our_pages(client, personas):
    for person, url in pages(personas):
        if url.startswith("/admin/") or url.startswith("/accounts/"):
            continue  # third-party templates, still covered by the CSP itself
        content = get_as(client, person, url).content.decode()
        assert " onclick=" not in content and " style=" not in content, url
        for tag in re.findall(r"<script[^>]*>", content):
            assert "src=" in tag, url


def test_dutch_is_the_default_language(client, personas):
    response = get_as(client, personas.frontline, reverse("home"))
    assert '<html lang="nl">' in response.content.decode()
    assert "Welkom" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "welcome"), [("fr", "Bienvenue"), ("en", "Welcome"), ("nl", "Welkom")]
)
def test_the_language_switch(client, personas, language, welcome):
    client.force_login(personas.frontline)
    response = client.post(reverse("set_language"), {"language": language, "next": reverse("home")})
    assert response.status_code == 302
    content = client.get(reverse("home")).content.decode()
    assert f'<html lang="{language}">' in content
    assert welcome in content


def test_an_unknown_language_keeps_dutch(client, personas):
    client.force_login(personas.frontline)
    client.post(reverse("set_language"), {"language": "xx", "next": reverse("home")})
    assert '<html lang="nl">' in client.get(reverse("home")).content.decode()


def test_place_names_follow_the_language(client, personas):
    client.force_login(personas.analyst)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert "Anvers" in client.get(reverse("places:city")).content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("analyst", 403), ("dpo", 403), ("frontline", 403), ("partner", 403)],
)
def test_admin_is_for_administrators_only(client, personas, who, status):
    response = get_as(client, getattr(personas, who), reverse("admin:index"), follow=True)
    assert response.status_code == status


def test_admin_login_goes_through_samen_login(client, db):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_admin_holds_neither_the_trail_nor_anyones_second_factor(client, personas):
    """The trail is the data-protection officer's; second factors and passwords belong to
    their owner: an administrator who could read a TOTP secret and set a password could
    become anyone, the mayor at the case consultation included."""
    client.force_login(personas.admin)
    index = client.get("/admin/").content.decode()
    assert "/admin/audit/" not in index and "/admin/mfa/" not in index
    assert client.get("/admin/audit/auditrecord/").status_code == 404
    assert client.get("/admin/mfa/authenticator/").status_code == 404
    url = reverse("admin:auth_user_password_change", args=[personas.prevention.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url, {"password1": "Overgenomen-2026!", "password2": "Overgenomen-2026!"}
    )
    assert response.status_code == 403
    personas.prevention.refresh_from_db()
    assert not personas.prevention.check_password("Overgenomen-2026!")


def test_health_check_is_public_and_says_nothing_else(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_the_load_balancer_asks_the_health_check_over_plain_http(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get("/accounts/login/").status_code == 301
