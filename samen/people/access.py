"""Who may see which staff records and organisations.

Staff records hold personal data of colleagues: they are confidential, so every read of one
is recorded, and people outside the directory roles get the same 404 whether or not the
record exists.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from samen.audit.reads import record_read
from samen.people.models import Organisation, User
from samen.people.roles import DIRECTORY_ROLES, Role
from samen.people.welcome import user_for_token


def visible_staff(user) -> QuerySet[User]:
    """Staff records this person may list: all for the city-wide directory roles, the home
    district's for a district coordinator, none for anyone else."""
    # The place without its boundary, as samen.places.models.without_boundaries does it
    # (the people layer stands below places and does not import it).
    staff = User.objects.select_related("home_district", "team").defer("home_district__boundary")
    if not user.is_authenticated or user.role not in DIRECTORY_ROLES:
        return staff.none()
    if user.role == Role.DISTRICT_COORDINATOR:
        if user.home_district_id is None:
            return staff.none()
        return staff.filter(home_district_id=user.home_district_id)
    return staff


def check_directory_access(user) -> None:
    """Refuse the directory to roles that have no part in it."""
    if user.role not in DIRECTORY_ROLES:
        raise PermissionDenied


def get_staff_member_for_reader(request: HttpRequest, pk: int) -> User:
    """The staff record `pk` if the requester may read it, and record that read; else 404."""
    try:
        member = visible_staff(request.user).get(pk=pk)
    except User.DoesNotExist:
        raise Http404 from None
    record_read(by=request.user, obj=member, request=request)
    return member


def check_organisations_access(user) -> None:
    """Refuse the organisation list to partner professionals, who work only in their cases."""
    if user.role == Role.PARTNER_PROFESSIONAL:
        raise PermissionDenied


def visible_organisations(user) -> QuerySet[Organisation]:
    """Organisations this person may list: every active one, for staff of the city."""
    if not user.is_authenticated or user.role == Role.PARTNER_PROFESSIONAL:
        return Organisation.objects.none()
    organisations = Organisation.objects.filter(is_active=True).select_related("district")
    return organisations.defer("district__boundary")


def get_welcome_member(token: str) -> User | None:
    """The person a sign-in link is for while it is valid (unexpired, unused); else None."""
    return user_for_token(token)
