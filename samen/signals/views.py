"""Signal intake, the list, a signal's page and its triage."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.core.lists import render_list
from samen.signals import actions
from samen.signals.access import (
    check_may_report,
    get_signal_for_user,
    may_export,
    may_triage,
    visible_signals,
)
from samen.signals.filters import SignalFilterForm
from samen.signals.forms import CommentForm, FollowUpForm, MergeForm, SignalForm
from samen.signals.models import Signal


@require_http_methods(["GET", "POST"])
@login_required
def signal_new(request: HttpRequest) -> HttpResponse:
    """File a signal: the two-minute form."""
    check_may_report(request.user)
    form = SignalForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            signal = actions.signal_record(by=request.user, fields=form.signal_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you: signal %(number)s is filed.") % {"number": signal.pk}
            )
            return redirect("signals:detail", pk=signal.pk)
    return render(request, "signals/signal_new.html", {"form": form})


@require_GET
@login_required
def signal_list(request: HttpRequest) -> HttpResponse:
    form = SignalFilterForm(request.GET)
    signals = form.apply(visible_signals(Signal.objects.all(), request.user)).select_related(
        "district", "neighbourhood"
    )
    return render_list(
        request,
        "signals/signal_list.html",
        "signals/signal_rows.html",
        signals,
        {"form": form, "may_export": may_export(request.user)},
        ordering=("-occurred_at", "-pk"),
    )


@require_GET
@login_required
def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    signal = get_signal_for_user(request.user, pk)
    return render(
        request,
        "signals/signal_detail.html",
        {
            "signal": signal,
            "categories": signal.categories.select_related("parent"),
            "comments": signal.comments.select_related("author"),
            "follow_ups": signal.follow_ups.select_related("created_by"),
            "duplicates": signal.duplicates.all(),
            "may_triage": may_triage(request.user, signal),
            "comment_form": CommentForm(),
            "follow_up_form": FollowUpForm(),
            "merge_form": MergeForm(),
        },
    )


def _act(request: HttpRequest, pk: int, act) -> HttpResponse:
    """Run one triage action on a visible signal and go back to its page with the outcome."""
    signal = get_signal_for_user(request.user, pk)
    try:
        act(signal)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("signals:detail", pk=signal.pk)


@require_POST
@login_required
def signal_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda s: actions.signal_review(by=request.user, signal=s))


@require_POST
@login_required
def signal_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda s: actions.signal_close(by=request.user, signal=s))


@require_POST
@login_required
def signal_comment(request: HttpRequest, pk: int) -> HttpResponse:
    form = CommentForm(request.POST)

    def comment(signal):
        if not form.is_valid():
            raise ValidationError(form.errors["text"])
        actions.signal_comment(by=request.user, signal=signal, text=form.cleaned_data["text"])

    return _act(request, pk, comment)


@require_POST
@login_required
def signal_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    form = FollowUpForm(request.POST)

    def follow_up(signal):
        if not form.is_valid():
            raise ValidationError([m for ms in form.errors.values() for m in ms])
        actions.signal_follow_up(by=request.user, signal=signal, **form.cleaned_data)

    return _act(request, pk, follow_up)


@require_POST
@login_required
def signal_merge(request: HttpRequest, pk: int) -> HttpResponse:
    form = MergeForm(request.POST)

    def merge(signal):
        if not form.is_valid():
            raise ValidationError([m for ms in form.errors.values() for m in ms])
        into = get_signal_for_user(request.user, form.cleaned_data["into"])
        actions.signal_merge(by=request.user, duplicate=signal, into=into)

    return _act(request, pk, merge)
