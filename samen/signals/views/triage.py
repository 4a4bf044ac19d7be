"""A signal's page and its triage: review, comment, follow up, share, merge, close."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from samen.core.follow_ups import reference_shown, starts_for
from samen.signals import actions
from samen.signals.access import get_signal_for_user, may_triage
from samen.signals.forms import CommentForm, FollowUpForm, MergeForm, ShareForm
from samen.signals.models import Signal


def _detail(request: HttpRequest, signal: Signal, status: int = 200, **forms) -> HttpResponse:
    triage = may_triage(request.user, signal)
    context = {
        "signal": signal,
        "categories": signal.categories.select_related("parent"),
        "comments": signal.comments.select_related("author"),
        "follow_ups": [
            (f, *reference_shown(request.user, f.reference))
            for f in signal.follow_ups.select_related("created_by")
        ],
        "follow_up_starts": starts_for(signal, request.user) if triage else [],
        "duplicates": signal.duplicates.all(),
        "shared_with": signal.shared_with.all(),
        "may_triage": triage,
        # Who filed a signal is for those who act on it, and the reporter.
        "show_reporter": triage or signal.reporter_id == request.user.pk,
        "comment_form": forms.get("comment_form") or CommentForm(),
        "follow_up_form": forms.get("follow_up_form") or FollowUpForm(),
        "merge_form": forms.get("merge_form") or MergeForm(),
        "share_form": forms.get("share_form") or ShareForm(),
    }
    return render(request, "signals/signal_detail.html", context, status=status)


@require_GET
@login_required
def signal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_signal_for_user(request.user, pk))


def _act(request: HttpRequest, pk: int, act) -> HttpResponse:
    """Run one triage action on a visible signal and go back to its page with the outcome."""
    signal = get_signal_for_user(request.user, pk)
    try:
        act(signal)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("signals:detail", pk=signal.pk)


def _act_with_form(request: HttpRequest, pk: int, form, name: str, act) -> HttpResponse:
    """Run an action that takes typed input; on a problem, show the page again with the
    input kept and the problem beside the field, and change nothing."""
    signal = get_signal_for_user(request.user, pk)
    if form.is_valid():
        try:
            act(signal, form.cleaned_data)
        except ValidationError as error:
            problems = (
                error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
            )
            for field, messages_ in problems.items():
                for problem in messages_:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            return redirect("signals:detail", pk=signal.pk)
    return _detail(request, signal, status=400, **{name: form})


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
    return _act_with_form(
        request,
        pk,
        CommentForm(request.POST),
        "comment_form",
        lambda s, data: actions.signal_comment(by=request.user, signal=s, text=data["text"]),
    )


@require_POST
@login_required
def signal_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_with_form(
        request,
        pk,
        FollowUpForm(request.POST),
        "follow_up_form",
        lambda s, data: actions.signal_follow_up(by=request.user, signal=s, **data),
    )


@require_POST
@login_required
def signal_share(request: HttpRequest, pk: int) -> HttpResponse:
    return _act_with_form(
        request,
        pk,
        ShareForm(request.POST),
        "share_form",
        lambda s, data: actions.signal_share(by=request.user, signal=s, **data),
    )


@require_POST
@login_required
def follow_up_done(request: HttpRequest, pk: int, follow_up: int) -> HttpResponse:
    def done(signal):
        found = get_object_or_404(signal.follow_ups, pk=follow_up)
        actions.follow_up_close(by=request.user, follow_up=found)

    return _act(request, pk, done)


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
