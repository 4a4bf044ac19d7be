"""The reports API under /api/reports/ (see docs/reporting.md and docs/api.md)."""

from django.urls import path

from samen.reporting.api import views

app_name = "reporting_api"
urlpatterns = [
    path("", views.LevelReportListView.as_view(), name="reports"),
    path("<int:pk>/", views.LevelReportDetailView.as_view(), name="report"),
    path("<int:pk>/csv/", views.LevelReportCsvView.as_view(), name="report_csv"),
]
