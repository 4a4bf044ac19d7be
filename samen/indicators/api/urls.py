"""The indicators API under /api/indicators/ (see docs/indicators.md)."""

from django.urls import path

from samen.indicators.api import views

app_name = "indicators_api"
urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="indicators"),
    path("<str:code>/values/", views.IndicatorValuesView.as_view(), name="values"),
]
