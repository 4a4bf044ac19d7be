"""The indicators page, its exports, and the upload page for administrators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from samen.indicators import exports
from samen.indicators.access import (
    check_may_administer,
    check_may_read,
    get_import_for_user,
    may_administer,
    visible_indicators,
)
from samen.indicators.actions import import_queue
from samen.indicators.figures import years_with_data
from samen.indicators.forms import IndicatorChoiceForm, UploadForm
from samen.indicators.formulas import min_denominator
from samen.indicators.importing import count_rows
from samen.indicators.models import DataImport
from samen.indicators.selection import select
from samen.indicators.tasks import run_import

SHOWN_PROBLEMS = 500


def _selection(request: HttpRequest):
    """The form and what it selects (None when no indicator has figures)."""
    indicators = visible_indicators(request.user)
    chosen = indicators.filter(code=request.GET.get("indicator", "")).first() or indicators.first()
    years = years_with_data([chosen]) if chosen else []
    form = IndicatorChoiceForm(request.GET or None, indicators=indicators, years=years)
    data = form.cleaned_data if form.is_valid() else {}
    if chosen is None:
        return form, None
    selection = select(
        data.get("indicator") or chosen,
        level=data.get("level") or "district",
        year=data.get("year"),
        compare=data.get("compare"),
        period=data.get("period") or "10",
        highlight_code=data.get("place") or "",
    )
    return form, selection


@require_GET
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Pick an indicator: a map of the places coloured by it, a sorted table, a chart."""
    check_may_read(request.user)
    form, selection = _selection(request)
    context = {
        "form": form,
        "selection": selection,
        "may_administer": may_administer(request.user),
        "query": request.GET.urlencode(),
    }
    if selection is not None:
        context["map_css"] = {r.place.code: r.css for r in selection.rows}
        context["map_rows"] = {r.place.code: r for r in selection.rows}
        context["city_pk"] = selection.city_place.pk
        context["min_denominator"] = min_denominator()
    return render(request, "indicators/overview.html", context)


@require_GET
@login_required
def export(request: HttpRequest) -> HttpResponse:
    """What the page shows, as CSV or XLSX."""
    check_may_read(request.user)
    _form, selection = _selection(request)
    if selection is None:
        raise Http404
    if request.GET.get("format") == "xlsx":
        name = exports.filename(selection, "xlsx")
        return FileResponse(
            exports.as_xlsx(selection),
            as_attachment=True,
            filename=name,
            content_type=exports.XLSX_TYPE,
        )
    response = StreamingHttpResponse(exports.as_csv(selection), content_type=exports.CSV_TYPE)
    name = exports.filename(selection, "csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload a file of figures; the task worker checks and stores it, this page follows."""
    check_may_administer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        data_import = import_queue(
            by=request.user,
            mapping=form.cleaned_data["mapping"],
            file_name=upload.name,
            data=data,
            rows=count_rows(data),
        )
        run_import.enqueue(data_import.pk)
        return redirect("indicators:import_detail", pk=data_import.pk)
    recent = DataImport.objects.select_related("mapping", "imported_by")[:10]
    return render(request, "indicators/import.html", {"form": form, "recent": recent})


@require_GET
@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """How far an import got; the page refreshes itself until it is finished."""
    data_import = get_import_for_user(request.user, pk)
    problems = data_import.problems or []
    return render(
        request,
        "indicators/import_detail.html",
        {
            "data_import": data_import,
            "problems": problems[:SHOWN_PROBLEMS],
            "hidden_problems": max(len(problems) - SHOWN_PROBLEMS, 0),
            "bad_lines": len({p["line"] for p in problems}),
        },
    )
