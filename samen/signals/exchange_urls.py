"""Exports and imports of signals (namespace "signal_exchange", at /signals/exchange/)."""

from samen.signals import export_urls

app_name = "signal_exchange"
urlpatterns: list = []
urlpatterns += export_urls.urlpatterns
