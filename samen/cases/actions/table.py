"""Every change of who sits at the table: proposing, confirming, re-confirming and ending a
seat, a delegation or an invitation, and recording lapses. Who may do which is in
samen.cases.access.table; each change is audited and noticed to the mayor and the
data-protection officer (samen.cases.actions.notices).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import access
from samen.cases.access import table as table_access
from samen.cases.actions import notices
from samen.cases.actions.calls import invitation_to_confirm
from samen.cases.models import Case, CoreSeat, Delegation, Grant, Invitation, TableNotice
from samen.core.actions import action
from samen.core.dates import add_months
from samen.core.errors import FieldErrors
from samen.places.models import Place

Event = TableNotice.Event


def confirmed_until(day: datetime.date) -> datetime.date:
    """The last day a grant confirmed on `day` grants, unless re-confirmed before."""
    return add_months(day, settings.SAMEN_CASE_RECERTIFY_MONTHS) - datetime.timedelta(days=1)


def _confirm(grant: Grant, by) -> None:
    now = timezone.now()
    if grant.confirmed_at is None:
        grant.confirmed_by, grant.confirmed_at = by, now
    grant.recertified_at = now
    grant.confirmed_until = confirmed_until(timezone.localdate(now))
    grant.lapse_recorded_at = None


def _propose(grant: Grant, by) -> Grant:
    """Save a new proposal; the mayor's own proposal for someone else is their decision, so it
    is confirmed at once. Notice either way."""
    grant.proposed_by, grant.proposed_at = by, timezone.now()
    grant.confirmed_by = grant.confirmed_at = grant.recertified_at = None
    grant.confirmed_until = grant.lapse_recorded_at = None
    decided = by is not None and table_access.may_confirm(by, grant) and access.is_mayor(by)
    if decided:
        _confirm(grant, by)
    grant.full_clean()
    grant.save()
    access.forget(grant.holder)
    notices.notify(event=Event.PROPOSED, grant=grant, actor=by)
    if decided:
        notices.notify(event=Event.CONFIRMED, grant=grant, actor=by)
    return grant


def _city() -> Place:
    return Place.objects.get(code=settings.SAMEN_CITY_CODE, kind=Place.Kind.CITY)


def _seat(kind: str, user, clearance: int, clearance_expires_on) -> CoreSeat:
    """The seat row for `kind` and `user`: a new one, or the ended one brought back (one row
    per kind and person, so that the trail keeps one history). A police seat held already
    may be proposed again with a new clearance: that is a new proposal, confirmed like the
    first, since a higher or longer clearance grants more."""
    seat = CoreSeat.objects.filter(
        kind=kind, user=user, city__code=settings.SAMEN_CITY_CODE
    ).first()
    renewal = (
        seat is not None
        and kind == CoreSeat.Kind.POLICE
        and (seat.clearance, seat.clearance_expires_on) != (clearance, clearance_expires_on)
    )
    if seat is not None and seat.is_active and not renewal:
        raise ValidationError({"user": _("This person holds or was proposed for this seat.")})
    seat = seat or CoreSeat(kind=kind, user=user, city=_city())
    seat.is_active = True
    seat.clearance, seat.clearance_expires_on = clearance, clearance_expires_on
    return seat


@action
def seat_propose(
    *,
    by,
    kind: str,
    user,
    clearance: int = 0,
    clearance_expires_on: datetime.date | None = None,
) -> CoreSeat:
    """Propose `user` for a core seat (the mayor or a delegate; not the mayor's seat)."""
    if not table_access.may_propose_seats(by):
        raise PermissionDenied
    errors = FieldErrors()
    if kind not in CoreSeat.Kind.values or kind == CoreSeat.Kind.MAYOR:
        errors.add("kind", _("Choose a seat other than the mayor's."))
    if not user.is_active:
        errors.add("user", _("This account is closed."))
    errors.raise_if_any()
    return _propose(_seat(kind, user, clearance, clearance_expires_on), by)


@action
def mayor_seat_propose(*, by, user) -> CoreSeat:
    """Propose `user` for the mayor's seat: for an operator (`samen propose-mayor-seat`); the
    data-protection officer confirms it in the app."""
    if not user.is_active:
        raise ValidationError({"user": _("This account is closed.")})
    return _propose(_seat(CoreSeat.Kind.MAYOR, user, 0, None), by)


@action
def delegation_propose(
    *, by, delegate, starts_on: datetime.date, ends_on: datetime.date
) -> Delegation:
    """Propose that a core member controls the case list in the mayor's place for a period."""
    if not table_access.may_propose_seats(by):
        raise PermissionDenied
    errors = FieldErrors()
    if not access.has_core_seat(delegate) or delegate.pk == by.pk:
        errors.add("delegate", _("Choose another member of the core."))
    if ends_on < starts_on:
        errors.add("ends_on", _("The period ends before it starts."))
    errors.raise_if_any()
    mayor = by if access.is_mayor(by) else _mayor_of(by)
    delegation = Delegation(mayor=mayor, delegate=delegate, starts_on=starts_on, ends_on=ends_on)
    return _propose(delegation, by)


def _mayor_of(delegate):
    """The mayor whose current delegation `delegate` holds."""
    found = (
        Delegation.objects.filter(access.current_delegation_rule(access.today()), delegate=delegate)
        .select_related("mayor")
        .first()
    )
    if found is None:
        raise PermissionDenied
    return found.mayor


@action
def invitation_propose(*, by, case: Case, user, ends_on: datetime.date) -> Invitation:
    """Propose a professional for this one case until `ends_on` (any core member); it opens
    the case once the mayor or a delegate confirms it."""
    access.check_core_member(by)
    errors = FieldErrors()
    if not case.is_open:
        errors.add("__all__", _("A closed case takes no new members."))
    if user.role not in access.INVITABLE_ROLES or not user.is_active:
        errors.add("user", _("This person's role cannot be invited to a case."))
    limit = access.today() + datetime.timedelta(days=366)
    if not access.today() <= ends_on <= limit:
        errors.add("ends_on", _("Choose an end date from today to at most a year ahead."))
    errors.raise_if_any()
    invitation = Invitation(case=case, user=user, ends_on=ends_on, invited_by=by)
    _propose(invitation, by)
    invitation_to_confirm(invitation, by=by)
    return invitation


@action
def grant_confirm(*, by, grant: Grant) -> Grant:
    """Confirm a proposed grant; from now on it grants what it says."""
    if grant.confirmed_at is not None:
        raise ValidationError(_("This was confirmed already."))
    if not grant.__class__.objects.filter(
        table_access.in_force_rule(grant.__class__, access.today()), pk=grant.pk
    ).exists():
        raise ValidationError(_("This proposal was ended."))
    if not table_access.may_confirm(by, grant):
        raise PermissionDenied
    _confirm(grant, by)
    grant.save()
    access.forget(grant.holder)
    notices.notify(event=Event.CONFIRMED, grant=grant, actor=by)
    return grant


@action
def grant_recertify(*, by, grant: Grant) -> Grant:
    """Re-confirm a confirmed grant for another period (also after it lapsed)."""
    if grant.confirmed_at is None:
        raise ValidationError(_("Confirm this proposal first."))
    if not table_access.may_confirm(by, grant):
        raise PermissionDenied
    _confirm(grant, by)
    grant.save()
    access.forget(grant.holder)
    notices.notify(event=Event.RECERTIFIED, grant=grant, actor=by)
    return grant


@action
def grant_end(*, by, grant: Grant) -> Grant:
    """Refuse or withdraw a proposal, or end a grant now."""
    if not table_access.may_end(by, grant):
        raise PermissionDenied
    event = Event.REFUSED if grant.confirmed_at is None else Event.ENDED
    if isinstance(grant, CoreSeat):
        if not grant.is_active:
            return grant
        grant.is_active = False
    else:
        if grant.revoked_at is not None:
            return grant
        grant.revoked_at = timezone.now()
    grant.save()
    access.forget(grant.holder)
    notices.notify(event=event, grant=grant, actor=by)
    return grant


@action
def invitation_end(*, by, invitation: Invitation) -> Invitation:
    """End an invitation (or refuse a proposed one) before its end date."""
    access.check_core_member(by)
    return grant_end(by=by, grant=invitation)


def _lapsed_unrecorded(model: type[Grant], on: datetime.date):
    ended = Q(is_active=False) if model is CoreSeat else Q(revoked_at__isnull=False)
    return (
        model.objects.exclude(ended)
        .filter(table_access.outlives_confirmation_rule(model))
        .filter(confirmed_at__isnull=False, confirmed_until__lt=on, lapse_recorded_at=None)
    )


@action
def grant_lapses_record(*, by) -> int:
    """Record, once, each grant that lapsed for want of re-confirmation (the nightly run);
    return how many. Access never waits for this: the lapse is by date."""
    now, count = timezone.now(), 0
    for model in table_access.GRANT_MODELS.values():
        for grant in _lapsed_unrecorded(model, timezone.localdate(now)):
            grant.lapse_recorded_at = now
            grant.save(update_fields=["lapse_recorded_at"])
            notices.notify(event=Event.LAPSED, grant=grant, actor=None)
            count += 1
    return count


@action
def notices_mark_seen(*, by) -> int:
    """Mark the table's notices to `by` as seen."""
    unseen = TableNotice.objects.filter(recipient=by, seen_at=None)
    count = 0
    for notice in unseen:
        notice.seen_at = timezone.now()
        notice.save(update_fields=["seen_at"])
        count += 1
    return count
