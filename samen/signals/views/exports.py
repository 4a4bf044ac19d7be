"""Downloads of signals and of signal statistics: access, validate, export, respond."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samen.exports import files
from samen.signals import exports, statistics
from samen.signals.access import check_may_export_statistics


def _refused(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return render(
        request, "signals/exports/refused.html", {"messages_list": error.messages}, status=400
    )


def _csv(lines, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=files.CSV_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _xlsx(file, filename: str) -> FileResponse:
    return FileResponse(file, as_attachment=True, filename=filename, content_type=files.XLSX_TYPE)


@require_GET
@login_required
def export_signals_csv(request: HttpRequest) -> HttpResponse:
    """Download the signals the list shows with these filters, as CSV."""
    try:
        export = exports.signal_export(
            request.user, request.GET, request=request, file_format="csv"
        )
    except ValidationError as error:
        return _refused(request, error)
    return _csv(export.csv(), files.export_filename(_("signals"), "csv"))


@require_GET
@login_required
def export_signals_xlsx(request: HttpRequest) -> HttpResponse:
    """Download the signals the list shows with these filters, as a spreadsheet."""
    try:
        export = exports.signal_export(
            request.user, request.GET, request=request, file_format="xlsx"
        )
    except ValidationError as error:
        return _refused(request, error)
    return _xlsx(export.xlsx(), files.export_filename(_("signals"), "xlsx"))


@require_GET
@login_required
def export_statistics(request: HttpRequest) -> HttpResponse:
    """Choose a period and download counts per district, period and category."""
    check_may_export_statistics(request.user)
    bound = "format" in request.GET
    form = statistics.StatisticsForm(
        request.GET if bound else None, initial=statistics.statistics_initial()
    )
    if not (bound and form.is_valid()):
        return render(
            request, "signals/exports/statistics.html", {"form": form}, status=400 if bound else 200
        )
    table = statistics.statistics_export(request.user, form, request=request)
    filename = files.export_filename(_("signal statistics"), form.cleaned_data["format"])
    if form.cleaned_data["format"] == "csv":
        return _csv(files.csv_lines(table.header, table.rows, translation.get_language()), filename)
    sheets = [
        (_("Statistics"), table.header, table.rows),
        (_("Notes"), [_("Sign"), _("Meaning")], table.notes),
    ]
    return _xlsx(files.xlsx_file(sheets), filename)
