"""Glue between django-axes (login lockout) and allauth's e-mail login."""

from django.http import HttpRequest


def login_name(request: HttpRequest, credentials: dict | None) -> str:
    """The e-mail address a login attempt was made for, lower-cased.

    allauth authenticates with an `email` credential while its form field is `login`; axes
    must count both under one name, or a lockout could be dodged by changing case.
    """
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username")
    if not name and request is not None:
        name = request.POST.get("login", "")
    return (name or "").strip().lower()
