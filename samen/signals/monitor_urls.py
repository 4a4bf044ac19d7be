"""The tension monitor: the city overview and each district's monitor."""

from django.urls import path

from samen.signals import monitor_views

app_name = "monitor"
urlpatterns = [
    path("", monitor_views.overview, name="overview"),
    path("<str:code>/", monitor_views.district, name="district"),
    path("<str:code>/tension-level/", monitor_views.tension_level_record, name="tension_level"),
]
