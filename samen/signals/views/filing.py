"""Filing a signal: the two-minute form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.signals import actions
from samen.signals.access import check_may_report
from samen.signals.forms import SignalForm


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
