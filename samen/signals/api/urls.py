"""The JSON API (filled by the API work)."""

urlpatterns: list = []
