"""Who may propose, confirm, re-confirm and end a seat, a delegation or an invitation, and the
one way to the table page and to its grants.

Security-critical. Nothing at the table takes effect on one person's word:

- seats (the mayor's excepted) and delegations are proposed by whoever controls the case list
  (the mayor, or a core member with a current, confirmed delegation); invitations by any core
  member;
- a grant is confirmed, and re-confirmed, by someone who controls the case list and is neither
  the person it is for nor, unless they are the mayor, the person who proposed it: the law puts
  the decision with the mayor, so the mayor's own proposal is the decision, a delegate's is not;
- the mayor's seat is proposed by an operator (`samen propose-mayor-seat`) and confirmed and
  re-confirmed by the data-protection officer, the one grant they decide on, so that no single
  person seats a mayor;
- nobody confirms a grant to themselves.

Until confirmed, and once its confirmation is older than SAMEN_CASE_RECERTIFY_MONTHS, a grant
opens nothing (access.confirmed_rule, checked at every read).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Model, Q, QuerySet
from django.http import Http404, HttpRequest

from samen.cases import access
from samen.cases.models import CoreSeat, Delegation, Grant, Invitation
from samen.people.roles import Role

# The table page names grants by these words in its URLs.
GRANT_MODELS: dict[str, type[Grant]] = {
    "seat": CoreSeat,
    "delegation": Delegation,
    "invitation": Invitation,
}
# How long before a grant lapses its granter is warned on their home page.
WARNING_DAYS = 30


def recertify_months() -> int:
    return settings.SAMEN_CASE_RECERTIFY_MONTHS


def is_data_protection_officer(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role == Role.DATA_PROTECTION_OFFICER
    )


def is_mayor_seat(grant: Grant) -> bool:
    return isinstance(grant, CoreSeat) and grant.kind == CoreSeat.Kind.MAYOR


def may_propose_seats(user) -> bool:
    """Seats and delegations are proposed by the mayor or a delegate."""
    return access.controls_case_list(user)


def may_confirm(user, grant: Grant) -> bool:
    """Whether `user` may confirm or re-confirm `grant` (see the module's rules)."""
    if user is None or not user.is_authenticated or grant.holder.pk == user.pk:
        return False
    if is_mayor_seat(grant):
        return is_data_protection_officer(user) and grant.proposed_by_id != user.pk
    if not access.controls_case_list(user):
        return False
    return grant.proposed_by_id != user.pk or access.is_mayor(user)


def may_end(user, grant: Grant) -> bool:
    """Whether `user` may refuse, withdraw or end `grant`: ending takes access away, so
    whoever controls the case list may (the data-protection officer for the mayor's seat), and
    any core member may end an invitation, as before confirmation existed."""
    if user is None or not user.is_authenticated:
        return False
    if is_mayor_seat(grant):
        return is_data_protection_officer(user)
    if isinstance(grant, Invitation) and access.is_core_member(user):
        return True
    return access.controls_case_list(user)


def in_force_rule(model: type[Grant], on: datetime.date) -> Q:
    """A grant not ended: an active seat of this city, a delegation or invitation neither
    revoked nor past its end date. Whether it is confirmed is asked apart."""
    if model is CoreSeat:
        return Q(is_active=True, city__code=settings.SAMEN_CITY_CODE)
    if model is Invitation:
        return Q(revoked_at__isnull=True, ends_on__gte=on, case__anonymised_at=None)
    return Q(revoked_at__isnull=True, ends_on__gte=on)


def outlives_confirmation_rule(model: type[Grant]) -> Q:
    """A grant whose confirmation ends before the grant does, so it needs re-confirming: a
    seat always, a delegation or invitation only when it runs past its `confirmed_until`."""
    if model is CoreSeat:
        return Q()
    return Q(ends_on__gt=F("confirmed_until"))


def pending(model: type[Grant], on: datetime.date) -> QuerySet:
    """Grants in force that wait for confirmation."""
    return model.objects.filter(in_force_rule(model, on), confirmed_at__isnull=True)


def due_for_recertification(model: type[Grant], on: datetime.date) -> QuerySet:
    """Confirmed grants in force whose confirmation lapses within WARNING_DAYS of `on`, or
    lapsed already."""
    horizon = on + datetime.timedelta(days=WARNING_DAYS)
    return model.objects.filter(
        in_force_rule(model, on),
        outlives_confirmation_rule(model),
        confirmed_at__isnull=False,
        confirmed_until__lt=horizon,
    )


@dataclass(frozen=True)
class TableForReader:
    """What the table page shows its reader: everything to the mayor and delegates (`controls`),
    the mayor's seat only to the data-protection officer."""

    controls: bool
    dpo: bool

    def grants(self, model: type[Grant]) -> QuerySet:
        """The grants of `model` this reader may see and act on."""
        if self.controls:
            return model.objects.all()
        if self.dpo and model is CoreSeat:
            return CoreSeat.objects.filter(kind=CoreSeat.Kind.MAYOR)
        return model.objects.none()


def get_table_for_reader(request: HttpRequest) -> TableForReader:
    """Let the mayor, a delegate or the data-protection officer onto the table page.

    Security-critical. Http404 for everyone else (the page's existence says nothing, but the
    grants on it name who sits at the table). The mayor and delegates pass the same checks as
    for reading a case (second factor, acknowledgement); the data-protection officer needs the
    second factor.
    """
    user = request.user
    if is_data_protection_officer(user):
        access.check_data_protection_officer(request)
        return TableForReader(controls=False, dpo=True)
    access.check_case_session(request)
    if not access.controls_case_list(user):
        raise Http404
    return TableForReader(controls=True, dpo=False)


def get_grant_for_decider(request: HttpRequest, kind: str, pk) -> Grant:
    """Return the grant `kind` `pk` to a reader of the table page who may see it; Http404
    otherwise. Whether they may decide on it is the action's question (403)."""
    table = get_table_for_reader(request)
    model: type[Model] | None = GRANT_MODELS.get(kind)
    if model is None:
        raise Http404
    try:
        return table.grants(model).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
