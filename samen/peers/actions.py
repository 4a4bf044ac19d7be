"""The writes of the other cities: recorded, changed, removed, and their tokens re-encrypted."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.api.partners import PARTNER_PREFIX
from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.peers import crypto
from samen.peers.access import check_may_manage_peers
from samen.peers.models import Peer
from samen.privacy.text_guard import check_text

# What a token may hold: visible ASCII only, so that it can never break out of its header.
TOKEN_PATTERN = re.compile(r"[\x21-\x7e]{20,200}")


def http_allowed() -> bool:
    """Whether another city may be asked over plain http: in debug mode only, never in
    production, whatever else is set."""
    return bool(settings.DEBUG)


def clean_address(url: str) -> str:
    """The address as kept: without spaces or a trailing slash."""
    return url.strip().rstrip("/")


def check_address(errors: FieldErrors, url: str) -> None:
    """Note what is wrong with another city's address: https only (http in debug mode)."""
    schemes = ["https", "http"] if http_allowed() else ["https"]
    try:
        URLValidator(schemes=schemes)(url)
    except ValidationError:
        errors.add("base_url", _("Give the other city's full address, starting with https://."))
        return
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        errors.add("base_url", _("Leave names and passwords out of the address."))
    if parts.query or parts.fragment:
        errors.add("base_url", _("Give the address of their Samen only, without ? or #."))


def check_token(errors: FieldErrors, token: str) -> None:
    """Note what is wrong with the token another city gave."""
    if not token.startswith(PARTNER_PREFIX) or not TOKEN_PATTERN.fullmatch(token):
        errors.add(
            "token",
            _(
                "Paste the partner token the other city's administrator issued: it starts "
                "with %(prefix)s."
            )
            % {"prefix": PARTNER_PREFIX},
        )


def check_peer(errors: FieldErrors, *, name: str, base_url: str, peer: Peer | None) -> None:
    if not name:
        errors.add("name", _("Give the other city's name."))
    elif len(name) > 120:
        errors.add("name", _("Keep the name under %(n)s characters.") % {"n": 120})
    else:
        try:
            check_text("name", name)
        except ValidationError as refused:
            errors.add("name", *refused.messages)
        taken = Peer.objects.filter(name__iexact=name)
        if peer is not None:
            taken = taken.exclude(pk=peer.pk)
        if taken.exists():
            errors.add("name", _("Another city of that name is recorded already."))
    if len(base_url) > 300:
        errors.add("base_url", _("Keep the address under %(n)s characters.") % {"n": 300})
    else:
        check_address(errors, base_url)


def hint_of(token: str) -> str:
    return token[: len(PARTNER_PREFIX) + 4]


@action
def peer_record(*, by, name: str, base_url: str, token: str) -> Peer:
    """Record another city's Samen with the partner token it gave this city."""
    check_may_manage_peers(by)
    name, base_url, token = name.strip(), clean_address(base_url), token.strip()
    errors = FieldErrors()
    check_peer(errors, name=name, base_url=base_url, peer=None)
    check_token(errors, token)
    errors.raise_if_any()
    return Peer.objects.create(
        name=name,
        base_url=base_url,
        token_encrypted=crypto.encrypt(token),
        hint=hint_of(token),
        created_by=by,
    )


@action
def peer_change(*, by, peer: Peer, name: str, base_url: str, token: str = "") -> Peer:
    """Change another city's name or address, and its token when a new one is given."""
    check_may_manage_peers(by)
    name, base_url, token = name.strip(), clean_address(base_url), token.strip()
    errors = FieldErrors()
    check_peer(errors, name=name, base_url=base_url, peer=peer)
    if token:
        check_token(errors, token)
    errors.raise_if_any()
    peer.name, peer.base_url, peer.changed_at = name, base_url, timezone.now()
    fields = ["name", "base_url", "changed_at"]
    if token:
        peer.token_encrypted, peer.hint = crypto.encrypt(token), hint_of(token)
        fields += ["token_encrypted", "hint"]
    peer.save(update_fields=fields)
    return peer


@action
def peer_remove(*, by, peer: Peer) -> None:
    """Remove another city: its token is forgotten, the trail keeps that it was recorded."""
    check_may_manage_peers(by)
    peer.delete()


@action
def peer_keys_rotate(*, by) -> int:
    """Re-encrypt every stored token with the newest key in SAMEN_PEER_KEYS; the tokens
    themselves do not change."""
    rotated = 0
    for peer in Peer.objects.select_for_update():
        stored = crypto.rotate(peer.token_encrypted)
        if stored != peer.token_encrypted:
            peer.token_encrypted = stored
            peer.save(update_fields=["token_encrypted"])
            rotated += 1
    return rotated
