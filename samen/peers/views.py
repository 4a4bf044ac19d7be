"""The page of other cities (this city's statistics beside theirs) and the administrators'
pages that record them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.peers.access import (
    check_may_manage_peers,
    check_may_read_peers,
    get_peer_for_manager,
    may_manage_peers,
)
from samen.peers.actions import peer_change, peer_record, peer_remove
from samen.peers.comparison import comparisons
from samen.peers.forms import ComparisonForm, PeerForm, twelve_months
from samen.peers.models import Peer
from samen.places.models import Place


def city_name() -> str:
    city = Place.objects.filter(kind=Place.Kind.CITY).first()
    return city.name if city is not None else _("This city")


@require_GET
@login_required
def compare(request: HttpRequest) -> HttpResponse:
    """This city's suppressed statistics beside each other city's, per period."""
    check_may_read_peers(request.user)
    form = ComparisonForm(request.GET or None, initial=twelve_months())
    tables = []
    if not form.is_bound or form.is_valid():
        chosen = form.cleaned_data if form.is_bound else twelve_months()
        tables = comparisons(by=request.user, request=request, city_name=city_name(), **chosen)
    context = {
        "form": form,
        "tables": tables,
        "peers": Peer.objects.order_by("name"),
        "may_manage": may_manage_peers(request.user),
    }
    return render(request, "peers/compare.html", context)


@require_GET
@login_required
def peer_list(request: HttpRequest) -> HttpResponse:
    """The other cities recorded, for administrators."""
    check_may_manage_peers(request.user)
    peers = Peer.objects.select_related("created_by").order_by("name")
    return render(request, "peers/list.html", {"peers": peers})


@require_http_methods(["GET", "POST"])
@login_required
def peer_new(request: HttpRequest) -> HttpResponse:
    check_may_manage_peers(request.user)
    form = PeerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            peer = peer_record(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is recorded.") % {"name": peer.name})
            return redirect("peers:list")
    return render(request, "peers/form.html", {"form": form, "peer": None})


@require_http_methods(["GET", "POST"])
@login_required
def peer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    peer = get_peer_for_manager(request.user, pk)
    initial = {"name": peer.name, "base_url": peer.base_url}
    form = PeerForm(request.POST or None, initial=initial, changing=True)
    if request.method == "POST" and form.is_valid():
        try:
            peer_change(by=request.user, peer=peer, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s is changed.") % {"name": peer.name})
            return redirect("peers:list")
    return render(request, "peers/form.html", {"form": form, "peer": peer})


@require_POST
@login_required
def peer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    peer = get_peer_for_manager(request.user, pk)
    name = peer.name
    peer_remove(by=request.user, peer=peer)
    messages.success(request, _("%(name)s is removed, and its token forgotten.") % {"name": name})
    return redirect("peers:list")
