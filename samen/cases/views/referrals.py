"""Referring a person, and the mayor's (or a delegate's) decision on referrals."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.cases import access
from samen.cases.access.lists import known_cases_for_controller, page_for_reader
from samen.cases.actions import cases as case_actions
from samen.cases.forms.cases import AcceptForm, ReasonForm, ReferralForm
from samen.cases.models import Referral
from samen.cases.views.guards import case_page
from samen.core.lists import render_page


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def referral_new(request: HttpRequest) -> HttpResponse:
    """Refer a person. The answer is the same whether or not the person is known."""
    access.check_may_refer(request.user)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case_actions.referral_submit(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. The referral goes to the mayor, who decides on it. You hear "
                    "from the consultation if your help is asked."
                ),
            )
            return redirect("cases:referral_new")
    return render(request, "cases/referral_new.html", {"form": form})


def _check_controller(request: HttpRequest) -> None:
    access.check_case_session(request)
    if not access.controls_case_list(request.user):
        raise Http404


@require_GET
@case_page
def referral_list(request: HttpRequest) -> HttpResponse:
    _check_controller(request)
    referrals = access.referrals_visible_to(request.user).select_related("submitted_by")
    status = request.GET.get("status", Referral.Status.PENDING)
    if status in Referral.Status.values:
        referrals = referrals.filter(status=status)
    page = page_for_reader(request, referrals, ordering=("-submitted_at", "-pk"))
    return render_page(
        request,
        "cases/referral_list.html",
        "cases/referral_rows.html",
        page,
        {"status": status, "statuses": Referral.Status.choices},
    )


def _referral_page(request, referral, accept_form=None, reject_form=None, status=200):
    return render(
        request,
        "cases/referral_detail.html",
        {
            "referral": referral,
            "known_cases": known_cases_for_controller(request, referral),
            "accept_form": accept_form or AcceptForm(),
            "reject_form": reject_form or ReasonForm(),
        },
        status=status,
    )


@require_GET
@case_page
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _referral_page(request, access.get_referral_for_controller(request, pk))


@require_POST
@case_page
def referral_accept(request: HttpRequest, pk: int) -> HttpResponse:
    referral = access.get_referral_for_controller(request, pk)
    form = AcceptForm(request.POST)
    if form.is_valid():
        try:
            case = case_actions.referral_accept(
                by=request.user, referral=referral, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Case %(reference)s is open.") % {"reference": case})
            return redirect("cases:detail", pk=case.pk)
    return _referral_page(request, referral, accept_form=form, status=400)


@require_POST
@case_page
def referral_reject(request: HttpRequest, pk: int) -> HttpResponse:
    referral = access.get_referral_for_controller(request, pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            case_actions.referral_reject(by=request.user, referral=referral, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The referral is rejected."))
            return redirect("cases:referrals")
    return _referral_page(request, referral, reject_form=form, status=400)
