"""Exports and imports of signals (namespace "signal_exchange", at /signals/exchange/)."""

from django.urls import path

from samen.signals import export_urls, import_views

app_name = "signal_exchange"
urlpatterns: list = [
    path("import/", import_views.signal_import, name="import"),
]
urlpatterns += export_urls.urlpatterns
