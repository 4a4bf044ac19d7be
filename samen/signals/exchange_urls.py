"""Exports and imports of signals (filled by the export and import work)."""

app_name = "signal_exchange"
urlpatterns: list = []
