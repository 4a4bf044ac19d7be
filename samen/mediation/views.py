"""Mediation intake, the list, a mediation's page and the work on it, and the export."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.core.follow_ups import signal_to_follow_up, signal_visible
from samen.core.lists import render_list
from samen.exports.files import CSV_TYPE
from samen.mediation import actions
from samen.mediation.access import (
    check_may_assign,
    check_may_export,
    check_may_list,
    check_may_take_intake,
    check_may_work_on,
    get_mediation_for_user,
    may_assign,
    may_export,
    may_take_intake,
    read_party_details,
    visible_mediations,
)
from samen.mediation.exports import mediation_csv
from samen.mediation.forms import (
    AftercareCheckForm,
    AssignForm,
    CloseForm,
    IntakeForm,
    MediationFilterForm,
    OptionalPartyForm,
    PartyForm,
    SessionForm,
    add_action_errors,
)
from samen.mediation.models import Mediation
from samen.places.models import without_boundaries


@require_GET
@login_required
def mediation_list(request: HttpRequest) -> HttpResponse:
    """The mediations this person may see: anonymous facts only, for everyone."""
    check_may_list(request.user)
    form = MediationFilterForm(request.GET)
    mediations = form.apply(visible_mediations(Mediation.objects.all(), request.user), request.user)
    mediations = without_boundaries(mediations, "district", "neighbourhood").select_related(
        "mediator"
    )
    return render_list(
        request,
        "mediation/mediation_list.html",
        "mediation/mediation_rows.html",
        mediations,
        {
            "form": form,
            "may_export": may_export(request.user),
            "may_take_intake": may_take_intake(request.user),
            "query": request.GET.urlencode(),
        },
        ordering=("-created_at", "-pk"),
    )


def _signal_from(request: HttpRequest):
    """The signal this intake follows up (?signal=<pk>), through the signals module's rule."""
    pk = request.GET.get("signal")
    if not pk:
        return None
    return signal_to_follow_up(request.user, pk)


@require_http_methods(["GET", "POST"])
@login_required
def mediation_new(request: HttpRequest) -> HttpResponse:
    """The intake: what the dispute is, where, and between whom."""
    check_may_take_intake(request.user)
    signal = _signal_from(request)
    data = request.POST or None
    form = IntakeForm(data, user=request.user, signal=signal)
    parties = [
        PartyForm(data, prefix="party1"),
        OptionalPartyForm(data, prefix="party2"),
        OptionalPartyForm(data, prefix="party3"),
    ]
    if request.method == "POST":
        valid = form.is_valid() & all([p.is_valid() for p in parties])
        if valid:
            named = [
                p.party_fields()
                for p in parties
                if not (isinstance(p, OptionalPartyForm) and p.is_empty())
            ]
            try:
                mediation = actions.mediation_open(
                    by=request.user,
                    kind=form.cleaned_data["kind"],
                    district=form.cleaned_data["district"],
                    neighbourhood=form.cleaned_data["neighbourhood"],
                    description=form.cleaned_data["description"],
                    parties=named,
                    signal=signal,
                )
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Mediation %(number)s is opened. A mediation coordinator assigns a mediator.")
                    % {"number": mediation.pk},
                )
                return redirect("mediation:detail", pk=mediation.pk)
    context = {"form": form, "parties": parties, "signal": signal}
    status = 400 if request.method == "POST" else 200
    return render(request, "mediation/mediation_new.html", context, status=status)


def _detail(
    request: HttpRequest, mediation: Mediation, status: int = 200, **given: forms.Form
) -> HttpResponse:
    user = request.user
    details = read_party_details(user, mediation, request)
    works = details is not None and not mediation.is_closed
    context = {
        "mediation": mediation,
        "details": details,
        "may_work": works,
        "may_assign": not mediation.is_closed and may_assign(user, mediation),
        "may_check": details is not None
        and mediation.is_closed
        and not mediation.lapsed
        and not mediation.aftercare_done_at,
        "signal_visible": signal_visible(user, mediation.signal_id),
    }
    if context["may_assign"]:
        context["assign_form"] = given.get("assign_form") or AssignForm(mediation=mediation)
    if works:
        context["party_form"] = given.get("party_form") or PartyForm(prefix="party")
        context["session_form"] = given.get("session_form") or SessionForm(
            parties=mediation.parties.all()
        )
        context["close_form"] = given.get("close_form") or CloseForm()
    if context["may_check"]:
        context["check_form"] = given.get("check_form") or AftercareCheckForm(
            with_note=not mediation.personal_data_removed_at
        )
    return render(request, "mediation/mediation_detail.html", context, status=status)


@require_GET
@login_required
def mediation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_mediation_for_user(request.user, pk))


def _act(
    request: HttpRequest,
    pk: int,
    *,
    check: Callable,
    make_form: Callable[[Mediation], forms.Form],
    name: str,
    act: Callable[[Mediation, forms.Form], object],
    done: str,
) -> HttpResponse:
    """Check, validate and act on a visible mediation; on a problem, show the page again with
    the input kept and the problem beside its field, and change nothing."""
    mediation = get_mediation_for_user(request.user, pk)
    check(request.user, mediation)
    form = make_form(mediation)
    if form.is_valid():
        try:
            act(mediation, form)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("mediation:detail", pk=mediation.pk)
    return _detail(request, mediation, status=400, **{name: form})


@require_POST
@login_required
def mediation_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        check=check_may_assign,
        make_form=lambda m: AssignForm(request.POST, mediation=m),
        name="assign_form",
        act=lambda m, f: actions.mediation_assign(
            by=request.user, mediation=m, mediator=f.cleaned_data["mediator"]
        ),
        done=_("The mediator is assigned."),
    )


@require_POST
@login_required
def party_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        check=check_may_work_on,
        make_form=lambda m: PartyForm(request.POST, prefix="party"),
        name="party_form",
        act=lambda m, f: actions.party_add(by=request.user, mediation=m, party=f.party_fields()),
        done=_("The party is added."),
    )


@require_POST
@login_required
def session_record(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        check=check_may_work_on,
        make_form=lambda m: SessionForm(request.POST, parties=m.parties.all()),
        name="session_form",
        act=lambda m, f: actions.session_record(
            by=request.user,
            mediation=m,
            held_on=f.cleaned_data["held_on"],
            attended=list(f.cleaned_data["attended"]),
            summary=f.cleaned_data["summary"],
        ),
        done=_("The session is recorded."),
    )


@require_POST
@login_required
def mediation_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        check=check_may_work_on,
        make_form=lambda m: CloseForm(request.POST),
        name="close_form",
        act=lambda m, f: actions.mediation_close(by=request.user, mediation=m, **f.cleaned_data),
        done=_("The mediation is closed. Its aftercare check falls due in three months."),
    )


@require_POST
@login_required
def aftercare_check(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        check=check_may_work_on,
        make_form=lambda m: AftercareCheckForm(request.POST),
        name="check_form",
        act=lambda m, f: actions.aftercare_check_record(
            by=request.user, mediation=m, **f.cleaned_data
        ),
        done=_("The aftercare check is recorded."),
    )


@require_GET
@login_required
def mediation_export_csv(request: HttpRequest) -> HttpResponse:
    """Download the mediations the list shows with these filters: anonymous facts only."""
    check_may_export(request.user)
    form = MediationFilterForm(request.GET)
    mediations = form.apply(visible_mediations(Mediation.objects.all(), request.user), request.user)
    response = StreamingHttpResponse(mediation_csv(mediations), content_type=CSV_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, _("mediations") + ".csv")
    return response
