"""The tension monitor: the city overview and each district's monitor."""

from django.urls import path

from samen.monitor import views

app_name = "monitor"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<str:code>/", views.district, name="district"),
    path("<str:code>/tension-level/", views.tension_level_record, name="tension_level"),
]
