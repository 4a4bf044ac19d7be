from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from samen.audit.access import audit_records_for
from samen.audit.forms import AuditSearchForm
from samen.core.lists import render_list


@require_GET
@login_required
def trail(request: HttpRequest) -> HttpResponse:
    """The data-protection officer's search of the audit trail by person, record and period."""
    records = audit_records_for(request.user)
    form = AuditSearchForm(request.GET or None)
    if form.is_bound:
        records = records.search(**form.search_arguments()) if form.is_valid() else records.none()
    return render_list(
        request,
        "audit/trail.html",
        "audit/trail_rows.html",
        records,
        {"form": form},
        ordering=("-timestamp", "-pk"),
    )
