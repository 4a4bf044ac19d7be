"""The addresses of documents, yearly reports and the CSV import, inside the policy module's
namespace (samen/policy/urls.py includes them)."""

from django.urls import path

from samen.policy import report_views

urlpatterns = [
    path("strategies/<int:pk>/document/", report_views.strategy_document, name="strategy_document"),
    path(
        "strategies/<int:pk>/document/upload/",
        report_views.strategy_document_upload,
        name="strategy_document_upload",
    ),
    path("evaluations/<int:pk>/report/", report_views.evaluation_report, name="evaluation_report"),
    path(
        "evaluations/<int:pk>/report/upload/",
        report_views.evaluation_report_upload,
        name="evaluation_report_upload",
    ),
    path("plans/<int:pk>/reports/", report_views.plan_reports, name="plan_reports"),
    path("strategies/<int:pk>/reports/", report_views.strategy_reports, name="strategy_reports"),
    path("reports/<int:pk>/sign-off/", report_views.report_sign_off, name="report_sign_off"),
    path("reports/<int:pk>/send/", report_views.report_send, name="report_send"),
    # After sign-off/ and send/, which it would take for a kind of file.
    path(
        "reports/<int:pk>/<str:kind>/",
        report_views.report_download,
        name="report_download",
    ),
    path("plans/<int:pk>/import/", report_views.plan_import, name="plan_import"),
]
