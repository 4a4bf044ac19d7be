"""The one-time sign-in link with which a new person sets their own password.

Nobody sets another person's password: an account is created without one, and this link,
sent by e-mail, lets its holder choose it. The link is signed with SECRET_KEY, expires after
SAMEN_WELCOME_LINK_DAYS, and carries a fingerprint of the current password hash, so it stops
working the moment a password is set (through it or otherwise).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from samen.people.models import User

_SALT = "samen.people.welcome"


def _fingerprint(user: User) -> str:
    return salted_hmac(_SALT, f"{user.pk}:{user.password}").hexdigest()[:32]


def link_lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=settings.SAMEN_WELCOME_LINK_DAYS)


def make_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "f": _fingerprint(user)}, salt=_SALT, compress=True)


def user_for_token(token: str) -> User | None:
    """The person a welcome link is for, or None when it is forged, expired or used."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=link_lifetime())
    except signing.BadSignature:  # SignatureExpired included
        return None
    if not isinstance(payload, dict):
        return None
    user = User.objects.filter(pk=payload.get("u"), is_active=True).first()
    if user is None or not constant_time_compare(str(payload.get("f")), _fingerprint(user)):
        return None
    return user


def send_welcome_link(user: User, *, base_url: str) -> None:
    """Mail `user` a fresh sign-in link, in Dutch, French and English (their language is not
    known yet)."""
    url = base_url.rstrip("/") + reverse("people:welcome", args=[make_token(user)])
    valid_until = timezone.localtime() + link_lifetime()
    parts = []
    for language in ("nl", "fr", "en"):
        with translation.override(language):
            parts.append(
                render_to_string(
                    "people/email/welcome_message.txt",
                    {"user": user, "url": url, "valid_until": valid_until},
                ).strip()
            )
    with translation.override("nl"):
        subject = render_to_string("people/email/welcome_subject.txt").strip()
    send_mail(subject, "\n\n-----\n\n".join(parts), None, [user.email])
