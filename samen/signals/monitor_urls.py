"""The tension monitor and dashboards (filled by the monitor work)."""

app_name = "monitor"
urlpatterns: list = []
