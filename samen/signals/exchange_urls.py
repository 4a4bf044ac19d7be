"""Exports and imports of signals (namespace "signal_exchange", at /signals/exchange/)."""

from django.urls import path

from samen.signals.views import exports, imports

app_name = "signal_exchange"
urlpatterns = [
    path("import/", imports.signal_import, name="import"),
    path("export/signals.csv", exports.export_signals_csv, name="export_signals_csv"),
    path("export/signals.xlsx", exports.export_signals_xlsx, name="export_signals_xlsx"),
    path("export/statistics/", exports.export_statistics, name="export_statistics"),
]
