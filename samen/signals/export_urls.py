"""The export routes, added to the signal exchange's URLs (namespace "signal_exchange")."""

from django.urls import path

from samen.signals import export_views

urlpatterns = [
    path("export/signals.csv", export_views.export_signals_csv, name="export_signals_csv"),
    path("export/signals.xlsx", export_views.export_signals_xlsx, name="export_signals_xlsx"),
    path("export/statistics/", export_views.export_statistics, name="export_statistics"),
]
