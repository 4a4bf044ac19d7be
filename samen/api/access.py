"""Who manages partner tokens and webhooks: administrators, never for their own organisation."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from samen.people.models import Organisation
from samen.people.roles import Role


def check_may_manage_partners(user) -> None:
    """Refuse the partner pages (tokens, webhooks) to everyone but administrators."""
    if not user.is_authenticated or user.role != Role.ADMINISTRATOR:
        raise PermissionDenied


def own_organisations(user) -> QuerySet[Organisation]:
    """The organisations `user` belongs to: they may grant none of them access."""
    return Organisation.objects.filter(memberships__user=user)


def grantable_organisations(user) -> QuerySet[Organisation]:
    """The active organisations `user` may give a token or a webhook."""
    return (
        Organisation.objects.filter(is_active=True)
        .exclude(pk__in=own_organisations(user).values("pk"))
        .order_by("name")
    )
