"""The pages of documents, yearly reports and the CSV import: thin views (access, validate,
act, respond)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samen.exports.files import XLSX_TYPE
from samen.policy import report_actions
from samen.policy.access import (
    check_may_edit_plan,
    check_may_edit_strategies,
    check_may_update_initiative,
    get_plan_for_user,
    get_strategy_for_user,
)
from samen.policy.csv_import import COLUMNS, import_file
from samen.policy.documents import (
    document_response,
    file_response,
    get_evaluation_for_user,
    get_evaluation_report_for_user,
    get_strategy_document_for_user,
)
from samen.policy.reports.access import (
    get_report_for_user,
    may_generate,
    may_sign_off,
    subject_of,
    visible_reports,
)
from samen.policy.reports.figures import report_figures
from samen.policy.reports.forms import ImportForm, UploadForm, YearForm
from samen.policy.reports.sheets import ODS_TYPE, report_ods, report_xlsx

SHOWN_PROBLEMS = 500
DOWNLOAD_KINDS = ("pdf", "xlsx", "ods")
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _language() -> str:
    language = (get_language() or "nl")[:2]
    return language if language in ("nl", "fr", "en") else "nl"


def _refused(form, refused: ValidationError, field: str | None = None) -> None:
    """Show an action's refusal on the form: under `field`, or under the form as a whole."""
    form.add_error(field, refused.messages)


# --- Documents ---------------------------------------------------------------------------------


@require_GET
@login_required
def strategy_document(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_strategy_document_for_user(request.user, pk)
    return document_response(strategy.document, strategy.document_name)


@require_GET
@login_required
def evaluation_report(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = get_evaluation_report_for_user(request.user, pk)
    return document_response(evaluation.report, evaluation.report_name)


def _upload_page(request, *, title: str, back_url: str, act) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data["file"])
        except ValidationError as refused:
            _refused(form, refused, "file")
        else:
            messages.success(request, _("The document is stored."))
            return redirect(back_url)
    return render(
        request,
        "policy/reports/upload.html",
        {"form": form, "title": title, "back_url": back_url},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def strategy_document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_strategy_for_user(request.user, pk)
    check_may_edit_strategies(request.user)
    return _upload_page(
        request,
        title=_("Document of %(strategy)s") % {"strategy": strategy},
        back_url=reverse("policy:strategy", args=[strategy.pk]),
        act=lambda upload: report_actions.strategy_document_attach(
            by=request.user, strategy=strategy, upload=upload
        ),
    )


@require_http_methods(["GET", "POST"])
@login_required
def evaluation_report_upload(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = get_evaluation_for_user(request.user, pk)
    check_may_update_initiative(request.user, evaluation.initiative)
    return _upload_page(
        request,
        title=_("Report of the evaluation of %(initiative)s")
        % {"initiative": evaluation.initiative},
        back_url=reverse("policy:initiative", args=[evaluation.initiative_id]),
        act=lambda upload: report_actions.evaluation_report_attach(
            by=request.user, evaluation=evaluation, upload=upload
        ),
    )


# --- Yearly reports ----------------------------------------------------------------------------


def _reports_page(request, subject, reports, back_url: str) -> HttpResponse:
    form = YearForm(request.POST or None)
    if request.method == "POST":
        if not may_generate(request.user, subject):
            raise PermissionDenied
        if form.is_valid():
            try:
                report = report_actions.yearly_report_generate(
                    by=request.user,
                    subject=subject,
                    year=form.cleaned_data["year"],
                    language=_language(),
                )
            except ValidationError as refused:
                _refused(form, refused, "year")
            else:
                messages.success(
                    request, _("The draft of %(year)s is ready.") % {"year": report.year}
                )
                return redirect(request.path)
    reports = list(reports)
    return render(
        request,
        "policy/reports/list.html",
        {
            "subject": subject,
            "back_url": back_url,
            "reports": [(r, may_sign_off(request.user, r)) for r in reports],
            "form": form,
            "may_generate": may_generate(request.user, subject),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def plan_reports(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk)
    reports = visible_reports(request.user).filter(plan=plan)
    return _reports_page(request, plan, reports, reverse("policy:plan", args=[plan.pk]))


@require_http_methods(["GET", "POST"])
@login_required
def strategy_reports(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_strategy_for_user(request.user, pk)
    reports = visible_reports(request.user).filter(strategy=strategy)
    return _reports_page(request, strategy, reports, reverse("policy:strategy", args=[strategy.pk]))


def _reports_url(report) -> str:
    if report.plan_id:
        return reverse("policy:plan_reports", args=[report.plan_id])
    return reverse("policy:strategy_reports", args=[report.strategy_id])


@require_GET
@login_required
def report_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The stored PDF as it was generated (and signed); the spreadsheets drawn from the figures
    as they stand, in the reader's language."""
    if kind not in DOWNLOAD_KINDS:
        raise Http404
    report = get_report_for_user(request.user, pk)
    stem = slugify(f"{subject_of(report)} {report.year}") or "report"
    if kind == "pdf":
        if not report.pdf:
            raise Http404
        return file_response(report.pdf, f"{stem}.pdf", "application/pdf")
    subject = subject_of(report)
    figures = (
        report_figures(plan=subject, year=report.year)
        if report.plan_id
        else report_figures(strategy=subject, year=report.year)
    )
    if kind == "xlsx":
        content, content_type = report_xlsx(figures, _language()), XLSX_TYPE
    else:
        content, content_type = report_ods(figures, _language()), ODS_TYPE
    return file_response(ContentFile(content), f"{stem}.{kind}", content_type)


@require_POST
@login_required
def report_sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    try:
        report_actions.yearly_report_sign_off(by=request.user, report=report)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The report is signed off."))
    return redirect(_reports_url(report))


@require_POST
@login_required
def report_send(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    try:
        report_actions.yearly_report_send(by=request.user, report=report)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, _("The report is marked as sent."))
    return redirect(_reports_url(report))


# --- CSV import ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def plan_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Import a plan's actions from a CSV file, all or nothing; list every bad row."""
    plan = get_plan_for_user(request.user, pk)
    check_may_edit_plan(request.user, plan)
    form = ImportForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            form.add_error("file", _("The file is larger than %(size)s.") % {
                "size": filesizeformat(MAX_IMPORT_BYTES)})  # fmt: skip
        else:
            outcome = import_file(by=request.user, plan=plan, data=upload.read())
            if outcome.ok:
                messages.success(
                    request,
                    _("Imported: %(created)s actions added, %(updated)s updated.")
                    % {"created": outcome.created, "updated": outcome.updated},
                )
                return redirect("policy:plan", pk=plan.pk)
    problems = outcome.problems if outcome else []
    return render(
        request,
        "policy/reports/import.html",
        {
            "plan": plan,
            "form": form,
            "problems": problems[:SHOWN_PROBLEMS],
            "hidden_problems": max(len(problems) - SHOWN_PROBLEMS, 0),
            "bad_lines": len({p.line for p in problems}),
            "columns": COLUMNS,
        },
        status=400 if (form.errors or problems) else 200,
    )
