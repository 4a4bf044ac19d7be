"""Every write of the policy module's documents, yearly reports and CSV import.

Attaching a strategy's document or an evaluation's report, generating a yearly report's draft,
signing it off (its PDF frozen by its SHA-256) and sending it, and importing a plan's actions
from a CSV file: each a named action that checks who writes and everything it is given before
the first write; the audit trail records each change in the same transaction.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samen.core.actions import action
from samen.core.errors import FieldErrors
from samen.policy import actions as policy_actions
from samen.policy.access import (
    check_may_edit_plan,
    check_may_edit_strategies,
    check_may_update_initiative,
)
from samen.policy.documents import check_upload
from samen.policy.files import sha256_of
from samen.policy.models import ActionPlan, Evaluation, Strategy, YearlyReport
from samen.policy.reports.access import check_may_generate, check_may_sign_off
from samen.policy.reports.figures import report_figures
from samen.policy.reports.pdf import report_pdf

FIRST_YEAR = 2000


def _replace_file(record, field: str, content, extension: str) -> None:
    """Store `content` in `record.<field>` under a new random name; the file it replaces is
    removed once the change is committed (never before: a rollback keeps the old one)."""
    old = getattr(record, field)
    old_name = old.name if old else ""
    getattr(record, field).save(f"upload{extension}", content, save=False)
    if old_name:
        storage = old.storage
        transaction.on_commit(lambda: storage.delete(old_name))


@action
def strategy_document_attach(*, by, strategy: Strategy, upload) -> Strategy:
    """Attach the strategy's document (PDF or ODT, checked on its content), replacing any."""
    check_may_edit_strategies(by)
    checked = check_upload(upload, "document")
    strategy.document_sha256 = sha256_of(upload)
    strategy.document_name = checked.name
    _replace_file(strategy, "document", upload, checked.kind.extension)
    strategy.save()
    return strategy


@action
def evaluation_report_attach(*, by, evaluation: Evaluation, upload) -> Evaluation:
    """Attach an evaluation's report (PDF or ODT, checked on its content), replacing any."""
    check_may_update_initiative(by, evaluation.initiative)
    checked = check_upload(upload, "report")
    evaluation.report_sha256 = sha256_of(upload)
    evaluation.report_name = checked.name
    _replace_file(evaluation, "report", upload, checked.kind.extension)
    evaluation.save()
    return evaluation


# --- Yearly reports ----------------------------------------------------------------------------


@action
def yearly_report_generate(
    *, by, subject: ActionPlan | Strategy, year: int, language: str
) -> YearlyReport:
    """Draw the year's report of a plan or strategy as a PDF, in `language`: a new draft, or the
    year's draft drawn again. A signed-off report is never drawn again."""
    check_may_generate(by, subject)
    errors = FieldErrors()
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= this_year:
        errors.add("year", _("Choose a year from %(first)s to %(last)s.") % {
            "first": FIRST_YEAR, "last": this_year})  # fmt: skip
    is_plan = isinstance(subject, ActionPlan)
    reports = YearlyReport.objects.select_for_update().filter(
        **{"plan" if is_plan else "strategy": subject, "year": year}
    )
    report = reports.first()
    if report is not None and report.status != YearlyReport.Status.DRAFT:
        errors.add("year", _("This year's report is signed off: it is no longer drawn again."))
    errors.raise_if_any()
    if report is None:
        report = YearlyReport(year=year, created_by=by)
        if is_plan:
            report.plan = subject
        else:
            report.strategy = subject
    with translation.override(language):
        figures = (
            report_figures(plan=subject, year=year)
            if is_plan
            else report_figures(strategy=subject, year=year)
        )
    pdf = ContentFile(report_pdf(figures, language))
    report.pdf_sha256 = sha256_of(pdf)
    _replace_file(report, "pdf", pdf, ".pdf")
    report.save()
    return report


def _stored_hash(report: YearlyReport) -> str:
    if not report.pdf:
        return ""
    with report.pdf.open("rb") as file:
        return sha256_of(file)


@action
def yearly_report_sign_off(*, by, report: YearlyReport) -> YearlyReport:
    """Sign a draft off: its PDF, as stored now, is the report from here on."""
    check_may_sign_off(by, report)
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if report.status != YearlyReport.Status.DRAFT:
        raise ValidationError(_("This report is signed off already."))
    if not report.pdf or _stored_hash(report) != report.pdf_sha256:
        raise ValidationError(_("The draft's file is not the one generated: generate it again."))
    report.status = YearlyReport.Status.SIGNED_OFF
    report.signed_off_by = by
    report.signed_off_at = timezone.now()
    report.save()
    return report


@action
def yearly_report_send(*, by, report: YearlyReport) -> YearlyReport:
    """Mark a signed-off report sent, the day it goes out; its file must be the one signed."""
    check_may_sign_off(by, report)
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if report.status == YearlyReport.Status.DRAFT:
        raise ValidationError(_("Only a signed-off report can be sent."))
    if report.status == YearlyReport.Status.SENT:
        raise ValidationError(_("This report was sent already."))
    if _stored_hash(report) != report.pdf_sha256:
        raise ValidationError(
            _(
                "The stored file differs from the one signed off: it is not sent. Tell an "
                "administrator."
            )  # fmt: skip
        )
    report.status = YearlyReport.Status.SENT
    report.sent_at = timezone.now()
    report.save()
    return report


# --- CSV import -----------------------------------------------------------------------------


class ImportRefusedError(Exception):
    """Some rows were refused, each (line, ValidationError): the whole import is rolled back."""

    def __init__(self, refusals: list[tuple[int, ValidationError]]) -> None:
        super().__init__(refusals)
        self.refusals = refusals


@action
def plan_actions_import(*, by, plan: ActionPlan, rows, check_only=False) -> tuple[int, int]:
    """Create or update (by code) each read row's action in `plan` and record its progress,
    through the same actions as the forms; all or nothing: when an action refuses any row,
    ImportRefusedError names every refusal and nothing is kept. (created, updated) otherwise.
    `check_only` rolls everything back in any case (other rows of the file were refused).

    `rows` are samen.policy.csv_import.Row: line, fields, existing action, progress.
    """
    check_may_edit_plan(by, plan)
    created = updated = 0
    refusals = []
    for row in rows:
        try:
            if row.existing is None:
                saved = policy_actions.action_create(by=by, plan=plan, fields=row.fields)
                created += 1
            else:
                saved = policy_actions.action_update(by=by, action=row.existing, fields=row.fields)
                updated += 1
            if row.progress is not None and row.progress != saved.progress:
                policy_actions.action_progress_record(by=by, action=saved, progress=row.progress)
        except ValidationError as refused:
            refusals.append((row.line, refused))
    if refusals or check_only:
        raise ImportRefusedError(refusals)
    return created, updated
