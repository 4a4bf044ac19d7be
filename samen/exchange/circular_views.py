"""The circular pages: the list, a circular (mark read; the read list for its sender), and
the form to send one. Thin views: access, validate, act, respond."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.exchange import actions as act
from samen.exchange.access import (
    check_may_send_circular,
    get_circular_for_user,
    may_open_exchange,
    may_send_circular,
    received_circulars,
    visible_circulars,
)
from samen.exchange.forms import CircularForm
from samen.places.models import without_boundaries

LISTED = 100


@require_GET
@login_required
def circular_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    received = list(received_circulars(user)[:LISTED])
    sent = list(
        visible_circulars(user)
        .exclude(recipients__person=user)
        .order_by("-sent_at", "-pk")[:LISTED]
    )
    return render(
        request,
        "exchange/circulars.html",
        {
            "title": _("Circulars and alerts"),
            "tab": "circulars",
            "received": received,
            "sent": sent,
            "may_open": may_open_exchange(user),
            "may_send_circular": may_send_circular(user),
        },
    )


@require_GET
@login_required
def circular_detail(request: HttpRequest, pk: int) -> HttpResponse:
    reader = get_circular_for_user(request.user, pk)
    circular = reader.circular
    context = {"reader": reader, "circular": circular}
    if reader.is_sender_side:
        recipients = list(
            without_boundaries(circular.recipients.all(), "person__home_district")
            .select_related("person")
            .order_by("person__full_name")
        )
        context.update(
            read=[r for r in recipients if r.read_at],
            unread=[r for r in recipients if not r.read_at],
            total=len(recipients),
            reminder_passed=timezone.now() >= circular.reminder_due_at,
        )
    return render(request, "exchange/circular.html", context)


@require_POST
@login_required
def circular_read(request: HttpRequest, pk: int) -> HttpResponse:
    reader = get_circular_for_user(request.user, pk)
    act.circular_mark_read(by=request.user, circular=reader.circular)
    messages.success(request, _("Marked as read."))
    return redirect("exchange:circular", pk=pk)


@require_http_methods(["GET", "POST"])
@login_required
def circular_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    check_may_send_circular(user)
    form = CircularForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = act.CircularFields(
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            sender_organisation=data["sender_organisation"],
            on_behalf_of=data.get("on_behalf_of"),
            threat_level=data["threat_level"],
            districts=list(data["districts"]),
            teams=list(data["teams"]),
            roles=list(data["roles"]),
            read_reminder_hours=data["read_reminder_hours"],
        )
        try:
            circular = act.circular_send(by=user, fields=fields)
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(
                request,
                _("Sent to %(n)s people.") % {"n": circular.recipients.count()},
            )
            return redirect("exchange:circular", pk=circular.pk)
    return render(
        request,
        "exchange/form_page.html",
        {
            "form": form,
            "title": _("New circular or alert"),
            "back_url": reverse("exchange:circulars"),
        },
    )
