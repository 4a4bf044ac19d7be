"""Who reads other cities' statistics beside this city's (the statistics roles), and who
records the other cities (administrators)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from samen.peers.models import Peer
from samen.people.roles import STATISTICS_ROLES, Role


def may_read_peers(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in STATISTICS_ROLES)


def check_may_read_peers(user) -> None:
    """Refuse the page of other cities to everyone but the roles that read the statistics."""
    if not may_read_peers(user):
        raise PermissionDenied


def may_manage_peers(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.ADMINISTRATOR)


def check_may_manage_peers(user) -> None:
    """Refuse recording, changing and removing other cities to everyone but administrators."""
    if not may_manage_peers(user):
        raise PermissionDenied


def get_peer_for_manager(user, pk) -> Peer:
    """The other city `pk` for an administrator: 403 for anyone else, 404 when absent."""
    check_may_manage_peers(user)
    return get_object_or_404(Peer, pk=pk)
