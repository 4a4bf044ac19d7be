from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from samen.audit.access import audit_records_for
from samen.audit.actions import trail_search_record
from samen.audit.display import describe_records
from samen.audit.forms import AuditSearchForm
from samen.core.lists import list_page, render_page


@require_GET
@login_required
def trail(request: HttpRequest) -> HttpResponse:
    """The data-protection officer's search of the audit trail by person, record and period;
    each search shown (every page of results, the first too) is recorded in the trail."""
    records = audit_records_for(request.user)
    form = AuditSearchForm(request.GET or None)
    searched = not form.is_bound or form.is_valid()
    if form.is_bound:
        records = records.search(**form.search_arguments()) if searched else records.none()
    page = list_page(request, records, ordering=("-timestamp", "-pk"))
    lines = describe_records(page)
    response = render_page(
        request, "audit/trail.html", "audit/trail_rows.html", page, {"form": form, "lines": lines}
    )
    # Recorded once the results are drawn, so that a search does not list itself; a search
    # with bad input showed nothing and is not one.
    if searched:
        trail_search_record(by=request.user, filters=form.typed_filters(request.GET))
    return response
