from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from samen.audit.access import audit_records_for
from samen.audit.forms import AuditSearchForm

PAGE_SIZE = 50


@require_GET
@login_required
def trail(request: HttpRequest) -> HttpResponse:
    """The data-protection officer's search of the audit trail by person, record and period."""
    records = audit_records_for(request.user)
    form = AuditSearchForm(request.GET or None)
    if form.is_bound:
        records = records.search(**form.search_arguments()) if form.is_valid() else records.none()
    page = Paginator(records.order_by("-timestamp", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    template = "audit/trail_rows.html" if request.htmx else "audit/trail.html"
    return render(request, template, {"form": form, "page": page})
