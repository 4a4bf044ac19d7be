"""The exchange pages: inbox, sent, an exchange with its messages, the new-exchange form, and
the actions on an exchange. Thin views: access, validate, act, respond."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.core.follow_ups import reference_shown
from samen.exchange import actions as act
from samen.exchange.access import (
    ExchangeForReader,
    check_may_open_exchange,
    get_attachment_for_user,
    get_exchange_for_user,
    may_open_exchange,
    may_send_circular,
    received_exchanges,
    sent_exchanges,
)
from samen.exchange.files import attachment_response
from samen.exchange.forms import AttachmentForm, ExchangeForm, MessageForm
from samen.exchange.models import Exchange

LISTED = 100


def waiting_first(exchanges):
    """Open ones first, the earliest due first; then the rest, newest first."""
    return exchanges.annotate(
        waiting=Case(
            When(status=Exchange.Status.OPEN, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("waiting", "due_on", "-created_at", "-pk")


def _list_page(request, rows, *, title: str, tab: str) -> HttpResponse:
    return render(
        request,
        "exchange/list.html",
        {
            "title": title,
            "tab": tab,
            "rows": list(rows[:LISTED]),
            "today": timezone.localdate(),
            "may_open": may_open_exchange(request.user),
            "may_send_circular": may_send_circular(request.user),
        },
    )


@require_GET
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    rows = waiting_first(received_exchanges(request.user))
    return _list_page(request, rows, title=_("Exchanges received"), tab="inbox")


@require_GET
@login_required
def sent(request: HttpRequest) -> HttpResponse:
    rows = waiting_first(sent_exchanges(request.user))
    return _list_page(request, rows, title=_("Exchanges sent"), tab="sent")


def _exchange_page(request, reader: ExchangeForReader, *, message_form=None, attachment_form=None):
    exchange = reader.exchange
    references = [reference_shown(request.user, r) for r in exchange.references]
    return render(
        request,
        "exchange/exchange.html",
        {
            "reader": reader,
            "exchange": exchange,
            "messages_in_order": exchange.messages.select_related("author").order_by("number"),
            "attachments": exchange.attachments.select_related("added_by"),
            "references": [(text, url) for text, url in references if text],
            "overdue": exchange.is_overdue(timezone.localdate()),
            "message_form": message_form or MessageForm(),
            "attachment_form": attachment_form or AttachmentForm(),
        },
    )


@require_GET
@login_required
def exchange_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _exchange_page(request, get_exchange_for_user(request.user, pk))


@require_http_methods(["GET", "POST"])
@login_required
def exchange_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    check_may_open_exchange(user)
    form = ExchangeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = act.ExchangeFields(
            kind=data["kind"],
            subject=data["subject"],
            from_organisation=data["from_organisation"],
            from_district=data.get("from_district"),
            to_organisation=data["to_organisation"],
            to_district=data.get("to_district"),
            due_on=data["due_on"],
            references=data["references"],
            body=data["body"],
        )
        try:
            exchange = act.exchange_open(by=user, fields=fields)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("Your exchange is sent."))
            return redirect("exchange:exchange", pk=exchange.pk)
    return render(
        request,
        "exchange/form_page.html",
        {"form": form, "title": _("New exchange"), "back_url": reverse("exchange:sent")},
    )


@require_POST
@login_required
def exchange_write(request: HttpRequest, pk: int) -> HttpResponse:
    """An answer (by the receiving side, while open) or a follow-up message."""
    reader = get_exchange_for_user(request.user, pk)
    if not reader.may_write:
        raise PermissionDenied
    form = MessageForm(request.POST)
    if form.is_valid():
        write = act.exchange_reply if reader.may_reply else act.exchange_message
        try:
            write(by=request.user, exchange=reader.exchange, body=form.cleaned_data["body"])
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect("exchange:exchange", pk=pk)
    return _exchange_page(request, reader, message_form=form)


@require_POST
@login_required
def exchange_close(request: HttpRequest, pk: int) -> HttpResponse:
    reader = get_exchange_for_user(request.user, pk)
    act.exchange_close_without_answer(by=request.user, exchange=reader.exchange)
    messages.success(request, _("The exchange is closed without answer."))
    return redirect("exchange:exchange", pk=pk)


@require_POST
@login_required
def exchange_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    reader = get_exchange_for_user(request.user, pk)
    act.exchange_withdraw(by=request.user, exchange=reader.exchange)
    messages.success(request, _("The exchange is withdrawn."))
    return redirect("exchange:exchange", pk=pk)


@require_POST
@login_required
def attachment_new(request: HttpRequest, pk: int) -> HttpResponse:
    reader = get_exchange_for_user(request.user, pk)
    if not reader.may_write:
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            act.attachment_add(
                by=request.user, exchange=reader.exchange, upload=form.cleaned_data["file"]
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The document is attached."))
            return redirect("exchange:exchange", pk=pk)
    return _exchange_page(request, reader, attachment_form=form)


@require_GET
@login_required
def attachment_download(request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
    return attachment_response(get_attachment_for_user(request.user, pk, attachment))
