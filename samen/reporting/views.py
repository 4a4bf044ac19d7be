"""The pages of the reports to other levels: thin views (access, validate, act, respond)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.exports.files import CSV_TYPE
from samen.reporting import actions, content
from samen.reporting.access import (
    check_may_read_level_reports,
    get_level_report_for_user,
    may_draw,
    may_send,
    may_sign_off,
    visible_level_reports,
)
from samen.reporting.forms import SendForm, YearForm


@require_http_methods(["GET", "POST"])
@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """Every report the person may read; for the makers, a form to draw a year's draft."""
    check_may_read_level_reports(request.user)
    form = YearForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_draw(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                report = actions.level_report_draw(by=request.user, year=form.cleaned_data["year"])
            except ValidationError as refused:
                form.add_error("year", refused.messages)
            else:
                messages.success(
                    request, _("The draft of %(year)s is ready.") % {"year": report.year}
                )
                return redirect("reporting:report", report.pk)
    return render(
        request,
        "reporting/list.html",
        {
            "reports": visible_level_reports(request.user).select_related(
                "drawn_by", "signed_off_by", "sent_by"
            ),
            "form": form,
            "may_draw": may_draw(request.user),
        },
        status=400 if form.errors else 200,
    )


@require_GET
@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_level_report_for_user(request.user, pk)
    return render(
        request,
        "reporting/detail.html",
        {
            "report": report,
            "sections": content.labelled(report.content),
            "recipients": report.recipients.order_by("name"),
            "may_sign_off": may_sign_off(request.user, report),
            "may_send": may_send(request.user, report),
            "may_draw_again": may_draw(request.user) and report.status == report.Status.DRAFT,
        },
    )


@require_GET
@login_required
def report_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The report as stored: JSON in the API's schema, or CSV with the same field names."""
    report = get_level_report_for_user(request.user, pk)
    if kind == "json":
        response = JsonResponse(report.content, json_dumps_params={"ensure_ascii": False})
    elif kind == "csv":
        response = HttpResponse(content.as_csv(report.content), content_type=CSV_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="samen-report-{report.year}.{kind}"'
    return response


@require_POST
@login_required
def report_draw_again(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_level_report_for_user(request.user, pk)
    try:
        actions.level_report_draw(by=request.user, year=report.year)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The draft is drawn again from today's figures."))
    return redirect("reporting:report", report.pk)


@require_POST
@login_required
def report_sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_level_report_for_user(request.user, pk)
    try:
        actions.level_report_sign_off(by=request.user, report=report)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The report is signed off: its figures are frozen."))
    return redirect("reporting:report", report.pk)


@require_http_methods(["GET", "POST"])
@login_required
def report_send(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_level_report_for_user(request.user, pk)
    if not may_send(request.user, report):
        raise PermissionDenied
    form = SendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.level_report_send(
                by=request.user, report=report, recipients=form.cleaned_data["recipients"]
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The report is sent."))
            return redirect("reporting:report", report.pk)
    return render(
        request,
        "reporting/send.html",
        {"report": report, "form": form, "back_url": reverse("reporting:report", args=[pk])},
        status=400 if form.errors else 200,
    )
