"""The list of signals, filtered, as far as this person may see them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from samen.core.lists import render_list
from samen.places.models import without_boundaries
from samen.signals.access import may_export, visible_signals
from samen.signals.csv_import import may_import
from samen.signals.filters import SignalFilterForm
from samen.signals.models import Signal


@require_GET
@login_required
def signal_list(request: HttpRequest) -> HttpResponse:
    form = SignalFilterForm(request.GET)
    signals = without_boundaries(
        form.apply(visible_signals(Signal.objects.all(), request.user)),
        "district",
        "neighbourhood",
    )
    return render_list(
        request,
        "signals/signal_list.html",
        "signals/signal_rows.html",
        signals,
        {
            "form": form,
            "may_export": may_export(request.user),
            "may_import": may_import(request.user),
        },
        ordering=("-occurred_at", "-pk"),
    )
