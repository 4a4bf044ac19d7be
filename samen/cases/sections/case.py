"""The case page's own sections: the case, the person, who sits at the table, corrections."""

from __future__ import annotations

from django.conf import settings

from samen.cases import access
from samen.cases.models import CasePerson, CoreSeat, Invitation
from samen.cases.sections import case_section


@case_section(10, "cases/sections/summary.html")
def summary(case, *, reader, export: bool) -> dict:
    return {"referrals": case.referrals.select_related("submitted_by")}


@case_section(20, "cases/sections/person.html")
def person(case, *, reader, export: bool) -> dict:
    try:
        return {"person": case.person}
    except CasePerson.DoesNotExist:
        return {"person": None}


@case_section(30, "cases/sections/members.html")
def members(case, *, reader, export: bool) -> dict:
    seats = (
        CoreSeat.objects.filter(is_active=True, city__code=settings.SAMEN_CITY_CODE)
        .select_related("user")
        .order_by("kind")
    )
    today = access.today()
    return {
        "seats": [(seat, _grant_state(seat, today, seat.grants_access(today))) for seat in seats],
        "invitations": [
            (invitation, _grant_state(invitation, today, invitation.is_current(today)))
            for invitation in case.invitations.select_related("user", "invited_by").order_by(
                "-ends_on"
            )
        ],
        "may_invite": not export and case.is_open and access.is_core_member(reader),
    }


def _grant_state(grant, today, grants: bool) -> str:
    """ "" while it grants; otherwise why not, in the words of the members section."""
    if grants:
        return ""
    if getattr(grant, "revoked_at", None) or not getattr(grant, "is_active", True):
        return "ended"
    if grant.confirmed_at is None:
        return "pending"
    if not grant.is_confirmed_on(today):
        return "lapsed"
    return "ended" if isinstance(grant, Invitation) else "clearance"


@case_section(90, "cases/sections/corrections.html")
def corrections(case, *, reader, export: bool) -> dict:
    return {
        "corrections": case.corrections.select_related("corrected_by"),
        "may_correct": not export and access.is_core_member(reader),
    }
