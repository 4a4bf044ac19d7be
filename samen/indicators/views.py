"""The indicators page, its exports, and the upload page for administrators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
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
    visible_imports,
    visible_indicators,
)
from samen.indicators.actions import import_map, import_queue
from samen.indicators.figures import years_with_data
from samen.indicators.forms import IndicatorChoiceForm, MappingForm, UploadForm
from samen.indicators.formulas import min_denominator
from samen.indicators.importing import count_rows, header_of
from samen.indicators.models import DataElement, SourceMapping
from samen.indicators.selection import select
from samen.indicators.tasks import run_import

SHOWN_PROBLEMS = 500
NEW_SOURCE_KEY = "indicators-new-source-%s"


def _selection(request: HttpRequest):
    """The form and what it selects (None when no indicator has figures)."""
    indicators = visible_indicators(request.user)
    chosen = indicators.filter(code=request.GET.get("indicator", "")).first() or indicators.first()
    years = years_with_data([chosen]) if chosen else []
    # The defaults as if chosen, so that the form shows what the page shows.
    query = request.GET.copy()
    for name, default in (("level", "district"), ("period", "10")):
        if not query.get(name):
            query[name] = default
    form = IndicatorChoiceForm(query, indicators=indicators, years=years)
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
        mapping = form.cleaned_data["mapping"]
        data_import = import_queue(
            by=request.user,
            mapping=mapping,
            file_name=upload.name,
            data=data,
            rows=count_rows(data),
        )
        if mapping is None:
            request.session[NEW_SOURCE_KEY % data_import.pk] = form.cleaned_data["new_source"]
            return redirect("indicators:import_mapping", pk=data_import.pk)
        run_import.enqueue(data_import.pk)
        return redirect("indicators:import_detail", pk=data_import.pk)
    recent = visible_imports(request.user)[:10]
    return render(request, "indicators/import.html", {"form": form, "recent": recent})


@require_http_methods(["GET", "POST"])
@login_required
def import_mapping(request: HttpRequest, pk: int) -> HttpResponse:
    """The mapping step of a new source: name the file's columns, save, then import."""
    data_import = get_import_for_user(request.user, pk)
    if data_import.mapping_id is not None or data_import.upload is None:
        return redirect("indicators:import_detail", pk=pk)
    header = header_of(bytes(data_import.upload))
    elements = DataElement.objects.order_by("code")
    form = MappingForm(request.POST or None, header=header, elements=elements)
    name = request.session.get(NEW_SOURCE_KEY % pk) or data_import.file_name
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        mapping = SourceMapping(
            name=name[:120],
            layout=data["layout"],
            place_column=data["place_column"],
            year_column=data["year_column"] or "",
            fixed_year=None if data["year_column"] else data["fixed_year"],
            columns=data["columns"],
        )
        try:
            import_map(by=request.user, data_import=data_import, mapping=mapping)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            run_import.enqueue(data_import.pk)
            return redirect("indicators:import_detail", pk=pk)
    return render(
        request,
        "indicators/import_mapping.html",
        {"form": form, "data_import": data_import, "source": name, "header": header},
    )


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
