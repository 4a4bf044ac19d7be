"""The notification centre and the preferences page: each person's own, nobody else's."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.core.lists import list_page
from samen.notifications import actions
from samen.notifications.access import (
    choosable_kinds,
    get_notification_for_reader,
    may_have_notifications,
    visible_notifications,
)
from samen.notifications.forms import PreferencesForm
from samen.notifications.models import Notification, Preference


@require_GET
@login_required
def centre(request: HttpRequest) -> HttpResponse:
    if not may_have_notifications(request.user):
        raise Http404
    rows = visible_notifications(Notification.objects.all(), request.user)
    page = list_page(request, rows, ordering=("-created", "-pk"))
    return render(request, "notifications/centre.html", {"page": page})


@require_POST
@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_notification_for_reader(request.user, pk)
    actions.notification_read(by=request.user, notification=notification)
    if url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect(notification.url)
    return redirect("notifications:centre")


@require_POST
@login_required
def read_all(request: HttpRequest) -> HttpResponse:
    if not may_have_notifications(request.user):
        raise Http404
    count = actions.notifications_read_all(by=request.user)
    if count:
        messages.success(request, _("All your notifications are marked read."))
    return redirect("notifications:centre")


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    if not may_have_notifications(request.user):
        raise Http404
    kinds = choosable_kinds(request.user)
    current = dict(Preference.objects.filter(person=request.user).values_list("kind", "delivery"))
    form = PreferencesForm(request.POST or None, kinds=kinds, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            actions.preferences_set(by=request.user, deliveries=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your choices are saved."))
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
