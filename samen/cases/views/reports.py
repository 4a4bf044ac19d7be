"""The statistics page (counts only) and the data-protection officer's person export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from samen.cases import access
from samen.cases.forms.cases import PersonSearchForm, StatisticsForm
from samen.cases.person_export import person_records
from samen.cases.statistics import HIDDEN, SMALL, case_statistics
from samen.cases.views.guards import case_page


@never_cache
@require_GET
@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    """Counts per quarter for policy analysts and the core; 404 to everyone else."""
    access.check_may_read_statistics(request.user)
    form = StatisticsForm(request.GET or {"year": StatisticsForm.initial_year()})
    year = form.cleaned_data["year"] if form.is_valid() else StatisticsForm.initial_year()
    return render(
        request,
        "cases/statistics.html",
        {
            "form": form,
            "year": year,
            "tables": case_statistics(year),
            "small": SMALL,
            "hidden": HIDDEN,
        },
    )


@require_http_methods(["GET", "POST"])
@case_page
def person_export(request: HttpRequest) -> HttpResponse:
    """Find one person by full name and show everything held about them, watermarked."""
    access.check_data_protection_officer(request)
    # A POST, so that the name searched for stays out of addresses, server logs, browser
    # history and the audit trail.
    form = PersonSearchForm(request.POST or None)
    records = None
    if form.is_valid():
        records = person_records(request, form.cleaned_data["name"])
    return render(
        request,
        "cases/person_export.html",
        {
            "form": form,
            "records": records,
            "reader": request.user,
            "printed_at": timezone.localtime(),
        },
    )
