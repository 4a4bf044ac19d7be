"""The table page: who sits at the case consultation, what waits for confirmation and what
must be re-confirmed; proposing seats and delegations, and deciding on every grant."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samen.cases import access
from samen.cases.access import table as table_access
from samen.cases.access.lists import listed_for_reader
from samen.cases.actions.table import (
    delegation_propose,
    grant_confirm,
    grant_end,
    grant_recertify,
    notices_mark_seen,
    seat_propose,
)
from samen.cases.forms.cases import DelegationForm, SeatForm, default_ends_on
from samen.cases.models import CoreSeat, Delegation, Invitation
from samen.cases.views.guards import case_page
from samen.cases.views.replies import submit
from samen.people.models import User


def _row(grant, reader) -> dict:
    today = access.today()
    horizon = today + datetime.timedelta(days=table_access.WARNING_DAYS)
    return {
        "grant": grant,
        "pending": grant.confirmed_at is None,
        "lapsed": grant.confirmed_at is not None and not grant.is_confirmed_on(today),
        "due": grant.confirmed_until is not None and grant.confirmed_until < horizon,
        "may_confirm": table_access.may_confirm(reader, grant),
        "may_end": table_access.may_end(reader, grant),
    }


def _members():
    """Who sits at the table today: the people a delegation may go to."""
    seated = CoreSeat.objects.filter(access.granting_seat_rule(access.today())).values("user")
    return User.objects.filter(pk__in=seated).order_by("full_name")


@require_GET
@case_page
def table(request: HttpRequest) -> HttpResponse:
    """The seats, delegations and invitations to decide on, for the mayor and delegates; the
    mayor's seat for the data-protection officer."""
    reader = table_access.get_table_for_reader(request)
    user, today = request.user, access.today()
    seats = (
        reader.grants(CoreSeat)
        .filter(table_access.in_force_rule(CoreSeat, today))
        .select_related("user", "proposed_by", "confirmed_by")
        .order_by("kind", "user__full_name")
    )
    delegations = (
        reader.grants(Delegation)
        .filter(table_access.in_force_rule(Delegation, today))
        .select_related("delegate", "proposed_by", "confirmed_by")
        .order_by("starts_on", "pk")
    )
    # Invitations name their case: only those waiting for a decision are listed here, and
    # their cases are recorded as read in a list.
    waiting = table_access.pending(Invitation, today) | table_access.due_for_recertification(
        Invitation, today
    )
    invitations = list(
        (reader.grants(Invitation) & waiting)
        .select_related("user", "case", "proposed_by")
        .order_by("ends_on", "pk")
    )
    listed_for_reader(request, [invitation.case for invitation in invitations])
    return render(
        request,
        "cases/table.html",
        {
            "reader": reader,
            "seats": [_row(seat, user) for seat in seats],
            "delegations": [_row(delegation, user) for delegation in delegations],
            "invitations": [_row(invitation, user) for invitation in invitations],
            "seat_form": SeatForm() if reader.controls else None,
            "delegation_form": DelegationForm(
                members=_members().exclude(pk=user.pk),
                initial={"starts_on": today, "ends_on": default_ends_on()},
            )
            if reader.controls
            else None,
            "months": table_access.recertify_months(),
        },
    )


def _table_url() -> str:
    return reverse("cases:table")


@require_POST
@case_page
def seat_new(request: HttpRequest) -> HttpResponse:
    table_access.get_table_for_reader(request)
    form = SeatForm(request.POST)
    return submit(
        request,
        _table_url(),
        form,
        lambda: seat_propose(
            by=request.user,
            kind=form.cleaned_data["kind"],
            user=form.cleaned_data["email"],
            clearance=form.cleaned_data["clearance"],
            clearance_expires_on=form.cleaned_data["clearance_expires_on"],
        ),
        _(
            "The seat is recorded; it takes effect once confirmed (at once if the mayor "
            "proposed it)."
        ),
    )


@require_POST
@case_page
def delegation_new(request: HttpRequest) -> HttpResponse:
    table_access.get_table_for_reader(request)
    form = DelegationForm(request.POST, members=_members())
    return submit(
        request,
        _table_url(),
        form,
        lambda: delegation_propose(by=request.user, **form.cleaned_data),
        _(
            "The delegation is recorded; it takes effect once confirmed (at once if the mayor "
            "proposed it)."
        ),
    )


DECISIONS = {
    "confirm": (grant_confirm, gettext_lazy("Confirmed: it takes effect now.")),
    "recertify": (grant_recertify, gettext_lazy("Re-confirmed.")),
    "end": (grant_end, gettext_lazy("Ended: it grants nothing any more.")),
}


@require_POST
@case_page
def grant_decide(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Confirm, re-confirm or end one grant (403 for a reader who may not)."""
    grant = table_access.get_grant_for_decider(request, kind, pk)
    decision = DECISIONS.get(request.POST.get("decision", ""))
    if decision is None:
        messages.error(request, _("Choose what to do."))
        return redirect("cases:table")
    act, done = decision
    return submit(request, _table_url(), None, lambda: act(by=request.user, grant=grant), str(done))


@require_POST
@login_required
def notices_seen(request: HttpRequest) -> HttpResponse:
    """Mark the signed-in person's own notices of the table as seen."""
    notices_mark_seen(by=request.user)
    return redirect("home")
